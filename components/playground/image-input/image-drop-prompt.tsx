"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Icon } from "@/components/ui/icons";
import { MAX_IMAGE_FILE_BYTES } from "@/lib/domain/image-types";
import { formatBytes } from "@/lib/domain/text";

/** The drop zone's id: focus lands here when the image is cleared or is missing for a run. */
export const IMAGE_DROP_ZONE_ID = "image-drop-zone";

/** "50 MB": the file size limit, without formatBytes' ".0" on whole numbers. */
const SIZE_LIMIT = formatBytes(MAX_IMAGE_FILE_BYTES).replace(/\.0(?= )/, "");

/** The empty drop zone: a large button that opens the file chooser. */
export function ImageDropPrompt({
  onBrowse,
  isDragActive,
  errorIds,
}: {
  onBrowse: () => void;
  isDragActive: boolean;
  /** Ids of the image errors shown under the zone. */
  errorIds?: string;
}) {
  const isPreparing = usePlaygroundStore((s) => s.isPreparingImage);
  const tone = isDragActive
    ? "border-accent-500 bg-accent-50 dark:border-accent-400 dark:bg-accent-500/15"
    : errorIds
      ? "border-red-400 bg-neutral-50 dark:border-red-800 dark:bg-neutral-950/40"
      : "border-neutral-300 bg-neutral-50 hover:border-accent-400 hover:bg-accent-50/60 dark:border-neutral-700 dark:bg-neutral-950/40 dark:hover:border-accent-400 dark:hover:bg-accent-500/10";

  return (
    <button
      id={IMAGE_DROP_ZONE_ID}
      type="button"
      onClick={onBrowse}
      aria-describedby={errorIds || undefined}
      aria-busy={isPreparing || undefined}
      className={`group flex min-h-28 w-full flex-col items-center justify-center gap-1.5 rounded-lg border-2 border-dashed px-4 py-3 text-center transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 ${tone}`}
    >
      <span
        className={`flex size-9 items-center justify-center rounded-full transition-colors ${
          isDragActive
            ? "bg-accent-100 text-accent-700 dark:bg-accent-500/25 dark:text-accent-100"
            : "bg-white text-neutral-500 shadow-sm ring-1 ring-neutral-200 group-hover:text-accent-600 dark:bg-neutral-900 dark:text-neutral-400 dark:ring-neutral-700 dark:group-hover:text-accent-400"
        }`}
      >
        <ImageIcon />
      </span>
      <span className="text-sm text-neutral-700 dark:text-neutral-300">
        {isDragActive ? (
          "Drop the image to use it"
        ) : (
          <>
            Drop an image,{" "}
            <span className="font-medium text-accent-600 underline-offset-2 group-hover:underline dark:text-accent-400">
              click to browse
            </span>
            , or paste (Ctrl/⌘+V)
          </>
        )}
      </span>
      <span className="text-xs text-neutral-500 dark:text-neutral-400">
        JPEG, PNG, WebP, GIF or AVIF up to {SIZE_LIMIT}
      </span>
    </button>
  );
}

function ImageIcon() {
  return (
    <Icon className="size-5" viewBox="0 0 24 24" strokeWidth={1.6}>
      <rect x="3" y="4" width="18" height="16" rx="2.5" />
      <circle cx="9" cy="9.5" r="1.75" />
      <path d="m21 15.5-4.6-4.6a1.5 1.5 0 0 0-2.1 0L5 20" />
    </Icon>
  );
}
