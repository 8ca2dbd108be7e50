"use client";

import type { MouseEvent, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { isHttpUrl } from "@/lib/domain/text";

export type ActionIcon =
  | "download"
  | "copy"
  | "edit"
  | "reuse"
  | "compare"
  | "pick"
  | "picked"
  | "pin";

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
  compare: [
    "M3.5 2.5h9a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1Z",
    "M8 1v14",
  ],
  pick: ["M8 3v10M3 8h10"],
  picked: ["M3 8.5 6.5 12 13 4.5"],
  pin: ["M6 2.5h4l-.5 4 2 2v1h-7v-1l2-2-.5-4Z", "M8 9.5v4"],
};

/**
 * A small action under a result. Its content is its name: the visible words plus hidden ones
 * that say which result it acts on (`Download<Hidden> result 1 of run 2</Hidden>`), so the name
 * holds the visible label and never changes; how the action went is said beside the buttons.
 * A toggle (`pressed` set) says its state through `aria-pressed` and its look, not its name; a
 * disclosure (`expanded` set) through `aria-expanded`.
 */
export function ResultActionButton({
  icon,
  onClick,
  pressed,
  expanded,
  id,
  children,
}: {
  icon: ActionIcon;
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
  pressed?: boolean;
  expanded?: boolean;
  id?: string;
  children: ReactNode;
}) {
  return (
    <Button
      id={id}
      size="sm"
      variant="secondary"
      aria-pressed={pressed}
      aria-expanded={expanded}
      className="aria-pressed:border-accent-500 aria-pressed:bg-accent-50 aria-pressed:text-accent-700 dark:aria-pressed:border-accent-400 dark:aria-pressed:bg-accent-500/15 dark:aria-pressed:text-accent-100"
      onClick={onClick}
    >
      <Icon className="size-3.5">
        {ICON_PATHS[icon].map((d) => (
          <path key={d} d={d} />
        ))}
      </Icon>
      <span>{children}</span>
    </Button>
  );
}

/** Words for screen readers only, inside a visible name. */
export function Hidden({ children }: { children: ReactNode }) {
  return <span className="sr-only">{children}</span>;
}

/** How a download went: saved under its name, opened in a new tab instead, or neither. */
export type DownloadOutcome = "saved" | "opened" | "failed";

/** Saves a blob under `filename` through a temporary download link. */
export function saveBlob(blob: Blob, filename: string): void {
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = objectUrl;
  link.download = filename;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

/**
 * Saves an image under `filename`: `blob` (the cached copy, a PNG carrying its settings) when
 * there is one, else fetched so the name sticks even across origins (data URIs included). When
 * that fails, an http(s) image is opened in a new tab instead.
 */
export async function downloadImage(
  url: string,
  filename: string,
  blob: Blob | null = null,
): Promise<DownloadOutcome> {
  try {
    if (blob) {
      saveBlob(blob, filename);
      return "saved";
    }
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    saveBlob(await response.blob(), filename);
    return "saved";
  } catch {
    return openInNewTab(url) ? "opened" : "failed";
  }
}

/**
 * Opens an http(s) URL in a new tab that cannot reach back through `window.opener`. False when
 * the URL is not http(s) (a data URI or script URL is never opened) or the browser blocked the
 * popup. `window.open` with "noopener" always returns null, so the tab is opened blank, cut off
 * from its opener, then sent to the URL.
 */
export function openInNewTab(url: string): boolean {
  if (!isHttpUrl(url)) return false;
  const tab = window.open("", "_blank");
  if (!tab) return false;
  try {
    tab.opener = null;
    tab.location.href = url;
    return true;
  } catch {
    tab.close();
    return false;
  }
}
