"use client";

import { useState } from "react";
import { useImageSrc } from "@/components/compare/use-image-src";
import { fittedStyle } from "./stage-media";

const SEGMENT =
  "h-7 rounded-md px-2.5 text-xs font-medium text-neutral-600 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 aria-pressed:bg-white aria-pressed:text-neutral-900 aria-pressed:shadow-sm dark:text-neutral-400 dark:hover:text-neutral-100 dark:aria-pressed:bg-neutral-700 dark:aria-pressed:text-neutral-50";

/** Before/after on the stage: the run's input in place of its result, and back. */
export function StageBeforeAfter({
  runNumber,
  isShowingInput,
  onChange,
}: {
  runNumber: number;
  isShowingInput: boolean;
  onChange: (isShowingInput: boolean) => void;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons, not a form fieldset.
    <div
      role="group"
      aria-label={`Before or after, run ${runNumber}`}
      className="flex shrink-0 items-center gap-0.5 rounded-lg bg-neutral-100 p-0.5 dark:bg-neutral-800"
    >
      <button
        type="button"
        aria-pressed={isShowingInput}
        onClick={() => onChange(true)}
        className={SEGMENT}
      >
        Before
      </button>
      <button
        type="button"
        aria-pressed={!isShowingInput}
        onClick={() => onChange(false)}
        className={SEGMENT}
      >
        After
      </button>
    </div>
  );
}

/** The run's input, fitted whole inside the stage (the "before"). */
export function StageInput({ url, runNumber }: { url: string; runNumber: number }) {
  const { src } = useImageSrc(url);
  // Fitted like the results once its proportions are known (it may be smaller than the stage).
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  return (
    <div className="flex min-h-0 flex-1 items-center justify-center [container-type:size]">
      {src ? (
        // biome-ignore lint/performance/noImgElement: a cached copy or the run's own input URL.
        <img
          src={src}
          alt={`Input of run ${runNumber} (before)`}
          onLoad={(event) =>
            setSize({
              width: event.currentTarget.naturalWidth,
              height: event.currentTarget.naturalHeight,
            })
          }
          className="rounded-lg object-contain"
          style={
            size && size.width > 0 && size.height > 0
              ? fittedStyle(size.width, size.height)
              : { maxWidth: "100cqw", maxHeight: "100cqh" }
          }
        />
      ) : null}
    </div>
  );
}
