"use client";

import { useShallow } from "zustand/react/shallow";
import { useCompare } from "@/components/playground/compare-picks/compare-selection";
import { useResultViewer, type ViewerScope } from "@/components/playground/runs/result-context";
import { resultKey, selectRun } from "@/components/playground/runs/result-format";
import { ResultImage } from "@/components/playground/runs/result-image";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import type { BatchItem } from "@/lib/batch/record";
import { shortName } from "./batch-format";

const STATUS: Record<BatchItem["status"], string> = {
  queued: "Queued",
  uploading: "Uploading",
  running: "Running",
  done: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

const MARK: Record<"kept" | "rejected", string> = {
  kept: "ring-2 ring-emerald-500",
  rejected: "ring-2 ring-red-500",
};

/**
 * One input → output pair: the input's thumbnail and its result (opens full size), where it
 * stands, and Keep / Reject / Compare once done, or Move to front while queued.
 */
export function BatchPair({
  batchId,
  item,
  scope,
}: {
  batchId: string;
  item: BatchItem;
  scope: ViewerScope;
}) {
  const run = usePlaygroundStore(
    useShallow((s) => {
      const found = item.runId ? selectRun(item.runId)(s) : undefined;
      if (!found) return null;
      return {
        thumbnail: found.inputThumbnail,
        image: found.output?.images[0] ?? null,
        step: found.step ? `${found.step.current}/${found.step.total}` : null,
      };
    }),
  );
  const reviewBatchItem = usePlaygroundStore((s) => s.reviewBatchItem);
  const moveToFront = usePlaygroundStore((s) => s.moveBatchItemToFront);
  const viewer = useResultViewer();
  const compare = useCompare();
  const name = shortName(item.input.name);
  const image = item.status === "done" ? run?.image : null;
  const runId = item.runId;
  const inputSrc = run?.thumbnail ?? (item.input.source === "url" ? item.input.url : null);
  const review = (mark: "kept" | "rejected") =>
    void reviewBatchItem(batchId, item.id, item.review === mark ? null : mark);

  return (
    <li
      aria-label={name}
      className={`flex flex-col gap-1.5 rounded-lg border border-neutral-200 p-2 dark:border-neutral-800 ${
        item.review ? MARK[item.review] : ""
      }`}
    >
      <div className="grid grid-cols-2 gap-1.5">
        <div className="flex aspect-square items-center justify-center overflow-hidden rounded bg-neutral-100 dark:bg-neutral-800">
          {inputSrc ? (
            // biome-ignore lint/performance/noImgElement: the run's small input thumbnail (a data URI) or the listed URL.
            <img
              src={inputSrc}
              alt={`${name} (input)`}
              loading="lazy"
              className="max-h-full max-w-full object-contain"
            />
          ) : (
            <span className="px-1 text-center text-[11px] break-all text-neutral-500">{name}</span>
          )}
        </div>
        <div
          className={`flex aspect-square items-center justify-center overflow-hidden rounded bg-neutral-100 dark:bg-neutral-800 ${
            item.review === "rejected" ? "opacity-50" : ""
          }`}
        >
          {image && runId ? (
            <button
              type="button"
              aria-label={`Open ${name} full size`}
              onClick={(event) => viewer.open(resultKey(runId, 0), event.currentTarget, scope)}
              className="flex size-full cursor-zoom-in items-center justify-center focus-visible:outline-2 focus-visible:outline-accent-500"
            >
              <ResultImage
                url={image.url}
                alt={`${name} (output)`}
                width={image.width}
                height={image.height}
                className="max-h-full max-w-full object-contain"
              />
            </button>
          ) : (
            <span
              className={`px-1 text-center text-[11px] tabular-nums ${
                item.status === "failed"
                  ? "text-red-700 dark:text-red-400"
                  : "text-neutral-600 dark:text-neutral-400"
              }`}
            >
              {STATUS[item.status]}
              {item.status === "running" && run?.step ? ` ${run.step}` : ""}
            </span>
          )}
        </div>
      </div>
      <p className="truncate text-xs font-medium" title={item.input.name}>
        {name}
      </p>
      {item.prompt ? (
        <p
          className="truncate text-[11px] text-neutral-600 dark:text-neutral-400"
          title={item.prompt}
        >
          {item.prompt}
        </p>
      ) : null}
      {item.status === "failed" && item.error ? (
        <p className="text-[11px] break-words text-red-700 dark:text-red-400">{item.error}</p>
      ) : null}
      <div className="flex flex-wrap gap-1">
        {item.status === "done" ? (
          <>
            <Button
              size="sm"
              variant={item.review === "kept" ? "primary" : "secondary"}
              aria-pressed={item.review === "kept"}
              onClick={() => review("kept")}
            >
              <span>
                Keep<span className="sr-only"> {name}</span>
              </span>
            </Button>
            <Button
              size="sm"
              variant={item.review === "rejected" ? "danger" : "secondary"}
              aria-pressed={item.review === "rejected"}
              onClick={() => review("rejected")}
            >
              <span>
                Reject<span className="sr-only"> {name}</span>
              </span>
            </Button>
            {runId && image ? (
              <Button
                size="sm"
                variant="ghost"
                onClick={(event) =>
                  compare.compareWithInput({ runId, index: 0 }, event.currentTarget)
                }
              >
                <span>
                  Compare<span className="sr-only"> {name} with its input</span>
                </span>
              </Button>
            ) : null}
          </>
        ) : null}
        {item.status === "queued" ? (
          <Button size="sm" variant="ghost" onClick={() => void moveToFront(batchId, item.id)}>
            <span>
              Move<span className="sr-only"> {name}</span> to front
            </span>
          </Button>
        ) : null}
      </div>
    </li>
  );
}
