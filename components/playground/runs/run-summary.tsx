"use client";

import { useShallow } from "zustand/react/shallow";
import { useGalleryNavigation } from "@/components/playground/gallery/gallery-navigation";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { selectRunNumbers } from "@/lib/store/gallery";
import { formatSettings, loraChip, selectRun } from "./result-format";

/**
 * What a run asked for: its input's thumbnail, the prompt, its LoRAs and its settings, on a few
 * compact lines, and the run it edited a result of.
 */
export function RunSummary({ runId, runNumber }: { runId: string; runNumber: number }) {
  const summary = usePlaygroundStore(
    useShallow((s) => {
      const run = selectRun(runId)(s);
      return run
        ? { request: run.request, inputThumbnail: run.inputThumbnail, parentId: run.parentId }
        : null;
    }),
  );
  if (!summary) return null;
  const { request, inputThumbnail, parentId } = summary;
  return (
    <div className="flex min-w-0 items-start gap-3">
      <InputThumbnail src={inputThumbnail} runNumber={runNumber} />
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <p
          className="truncate text-sm text-neutral-900 dark:text-neutral-100"
          title={request.prompt}
        >
          {request.prompt}
        </p>
        {request.loras.length > 0 ? (
          <ul aria-label={`LoRAs of run ${runNumber}`} className="flex flex-wrap gap-1.5">
            {request.loras.map((lora, index) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: a run's LoRA list never changes.
                key={index}
                title={lora.path}
                className="max-w-full truncate rounded-full border border-neutral-200 bg-white px-2 py-0.5 text-xs text-neutral-700 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-300"
              >
                {loraChip(lora)}
              </li>
            ))}
          </ul>
        ) : null}
        <p className="text-xs text-neutral-500 tabular-nums dark:text-neutral-400">
          {formatSettings(request)}
        </p>
        {parentId ? <ParentLink parentId={parentId} /> : null}
      </div>
    </div>
  );
}

const THUMBNAIL_CLASS =
  "size-12 shrink-0 rounded-md border border-neutral-200 dark:border-neutral-800 sm:size-14";

/** The run's input, small; a neutral tile while there is no thumbnail (or none could be made). */
function InputThumbnail({ src, runNumber }: { src: string | null; runNumber: number }) {
  if (!src) {
    return (
      <div
        aria-hidden="true"
        className={`${THUMBNAIL_CLASS} bg-neutral-100 dark:bg-neutral-900`}
        data-testid="input-thumbnail-placeholder"
      />
    );
  }
  return (
    // biome-ignore lint/performance/noImgElement: a data URL made in the browser.
    <img
      src={src}
      alt={`Input of run ${runNumber}`}
      className={`${THUMBNAIL_CLASS} bg-neutral-100 object-cover dark:bg-neutral-900`}
    />
  );
}

/**
 * "Edited from run M": takes the person to the parent run's card (scrolled into view even when
 * the gallery had not rendered it, its heading focused); plain text when that run is gone.
 */
function ParentLink({ parentId }: { parentId: string }) {
  const parentNumber = usePlaygroundStore((s) => selectRunNumbers(s).get(parentId) ?? null);
  const { revealRun } = useGalleryNavigation();
  const textClass = "text-xs text-neutral-600 dark:text-neutral-400";
  if (parentNumber === null) return <p className={textClass}>Edited from an earlier run</p>;

  return (
    <p className={textClass}>
      <button
        type="button"
        onClick={() => revealRun(parentId)}
        className="rounded-sm text-accent-700 underline underline-offset-2 hover:text-accent-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:text-accent-400 dark:hover:text-accent-100"
      >
        Edited from run {parentNumber}
      </button>
    </p>
  );
}
