"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { focusAfterRender } from "@/components/ui/focus";
import { formatSize } from "@/components/ui/format";
import { Icon } from "@/components/ui/icons";
import { describeImageSource } from "./image-details";
import { IMAGE_DROP_ZONE_ID } from "./image-drop-prompt";
import { IMAGE_REPLACE_BUTTON_ID } from "./image-replace-id";

// A light checkerboard shows transparent areas of PNG/WebP inputs.
const CHECKERBOARD =
  "bg-neutral-100 bg-[length:16px_16px] [background-image:conic-gradient(#e5e5e5_25%,transparent_0_50%,#e5e5e5_0_75%,transparent_0)] dark:bg-neutral-800 dark:[background-image:conic-gradient(#404040_25%,transparent_0_50%,#404040_0_75%,transparent_0)]";

/** The chosen input image with its size, where it came from, and Replace / Clear. */
export function ImagePreview({ onReplace }: { onReplace: () => void }) {
  const image = usePlaygroundStore((s) => s.image);
  const isPreparing = usePlaygroundStore((s) => s.isPreparingImage);
  const clearImage = usePlaygroundStore((s) => s.clearImage);
  if (!image) return null;
  const source = describeImageSource(image);

  return (
    <div className="flex flex-col gap-3">
      <div
        className={`flex min-h-[120px] items-center justify-center overflow-hidden rounded-lg border border-neutral-200 dark:border-neutral-800 ${CHECKERBOARD}`}
      >
        {/* biome-ignore lint/performance/noImgElement: object URLs and data URIs cannot go through next/image */}
        <img
          key={image.previewUrl}
          src={image.previewUrl}
          // biome-ignore lint/a11y/noRedundantAlt: "Input image preview" is the name tests and people use
          alt="Input image preview"
          width={image.width}
          height={image.height}
          className={`block h-auto max-h-[280px] w-auto max-w-full object-contain transition-opacity ${
            isPreparing ? "opacity-50" : ""
          }`}
        />
      </div>
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-2">
        <div className="min-w-0 flex-1 text-xs text-neutral-600 dark:text-neutral-400">
          <p
            className="truncate font-medium text-neutral-900 dark:text-neutral-100"
            title={image.name}
          >
            {image.name}
          </p>
          <p className="tabular-nums">
            {formatSize(image)} px
            {source ? (
              <span className="text-neutral-500 dark:text-neutral-400"> · {source}</span>
            ) : null}
          </p>
        </div>
        <div className="flex items-center gap-1.5">
          <Button id={IMAGE_REPLACE_BUTTON_ID} size="sm" onClick={onReplace} disabled={isPreparing}>
            <ReplaceIcon />
            Replace
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              clearImage();
              // The button goes away with the preview: keep focus in the panel.
              focusAfterRender([IMAGE_DROP_ZONE_ID]);
            }}
          >
            <ClearIcon />
            Clear
          </Button>
        </div>
      </div>
    </div>
  );
}

function ReplaceIcon() {
  return (
    <Icon className="size-3.5">
      <path d="M8 10.5V2.5M4.75 5.75 8 2.5l3.25 3.25M2.5 10v2a1.5 1.5 0 0 0 1.5 1.5h8a1.5 1.5 0 0 0 1.5-1.5v-2" />
    </Icon>
  );
}

function ClearIcon() {
  return (
    <Icon className="size-3.5">
      <path d="m4 4 8 8M12 4l-8 8" />
    </Icon>
  );
}
