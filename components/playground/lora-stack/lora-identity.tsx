"use client";

import { useShallow } from "zustand/react/shallow";
import { loraInitials, loraOrigin } from "@/components/playground/library/lora-library-format";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { loraLabel } from "@/lib/kontext/known-loras";
import { selectLibraryLora } from "@/lib/store/library-selectors";

/**
 * What a LoRA row leads with: its style's preview (the library's, else its initials), its name
 * (the library's, else the weight file's) and where it comes from.
 */
export function LoraIdentity({ id }: { id: string }) {
  const path = usePlaygroundStore((s) => s.loras.find((lora) => lora.id === id)?.path.trim() ?? "");
  const known = usePlaygroundStore(useShallow((s) => selectLibraryLora(path)(s)));
  const thumbnail = usePlaygroundStore((s) => s.previews[path]?.thumbnail ?? null);
  const name = known?.name ?? (path ? loraLabel(path) : "New LoRA");

  return (
    <div className="flex min-w-0 items-center gap-2.5">
      {thumbnail ? (
        // biome-ignore lint/performance/noImgElement: a small data URL made in the browser.
        <img
          src={thumbnail}
          alt=""
          className="size-10 shrink-0 rounded-md object-cover ring-1 ring-black/5 dark:ring-white/10"
        />
      ) : (
        <span
          aria-hidden="true"
          className="flex size-10 shrink-0 items-center justify-center rounded-md bg-accent-50 text-xs font-semibold text-accent-700 dark:bg-accent-500/15 dark:text-accent-100"
        >
          {path ? loraInitials(name) : "+"}
        </span>
      )}
      <div className="min-w-0">
        <p className="truncate text-sm font-medium text-neutral-900 dark:text-neutral-100">
          {name}
        </p>
        <p className="truncate text-xs text-neutral-600 dark:text-neutral-400">
          {path ? loraOrigin(path) : "Paste a weight file below, or pick one from the library"}
        </p>
      </div>
    </div>
  );
}
