"use client";

import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";

export type ActionIcon = "download" | "copy" | "edit" | "reuse";

const ICON_PATHS: Record<ActionIcon, string[]> = {
  download: ["M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10"],
  copy: [
    "M7 5.5h5a1.5 1.5 0 0 1 1.5 1.5v5a1.5 1.5 0 0 1-1.5 1.5H7A1.5 1.5 0 0 1 5.5 12V7A1.5 1.5 0 0 1 7 5.5Z",
    "M10.5 5.5v-2a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h2",
  ],
  edit: ["M11 2.5 13.5 5 6 12.5H3.5V10L11 2.5Z"],
  reuse: [
    "M2.5 8a5.5 5.5 0 0 1 9.4-3.9l1.6 1.4M13.5 2.5v3h-3",
    "M13.5 8a5.5 5.5 0 0 1-9.4 3.9l-1.6-1.4M2.5 13.5v-3h3",
  ],
};

/** A small action under a result; its name is its text plus the image number. */
export function ResultActionButton({
  icon,
  label,
  number,
  onClick,
}: {
  icon: ActionIcon;
  label: string;
  number: number;
  onClick: () => void;
}) {
  return (
    <Button
      size="sm"
      variant="secondary"
      aria-label={`${label}, result ${number}`}
      onClick={onClick}
    >
      <Icon className="size-3.5">
        {ICON_PATHS[icon].map((d) => (
          <path key={d} d={d} />
        ))}
      </Icon>
      {label}
    </Button>
  );
}

/**
 * Saves an image under `filename`: fetched into a blob so the name sticks even across origins
 * (data URIs included). Returns false when it had to open the URL in a new tab instead.
 */
export async function downloadImage(url: string, filename: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const objectUrl = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = objectUrl;
    link.download = filename;
    link.rel = "noopener";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
    return true;
  } catch {
    window.open(url, "_blank", "noopener,noreferrer");
    return false;
  }
}
