"use client";

import { isFinished } from "@/lib/batch/queue";
import { BatchControls } from "./batch-controls";
import { BatchProgress } from "./batch-progress";
import { BatchReviewGrid } from "./batch-review-grid";
import { useBatch } from "./use-batch";

/**
 * A batch on the stage: its progress and controls above the review grid of input → output
 * pairs, which scrolls on its own. Loaded once a batch is shown.
 */
export default function BatchStage({ batchId }: { batchId: string }) {
  const found = useBatch(batchId);
  if (!found) return null;
  const { batch, number } = found;
  const title = `Batch ${number}`;
  const isRunning = batch.startedAt !== null && !batch.items.every(isFinished);
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <div className="flex min-w-0 flex-col gap-2">
        <p className="flex min-w-0 items-center gap-2 text-sm">
          <span className="shrink-0 font-semibold">{title}</span>
          <span
            className={`shrink-0 rounded-full px-2 py-0.5 text-[11px] font-medium ${
              isRunning
                ? "bg-accent-50 text-accent-700 dark:bg-accent-700/20 dark:text-accent-400"
                : "bg-emerald-50 text-emerald-800 dark:bg-emerald-900/30 dark:text-emerald-300"
            }`}
          >
            {isRunning ? (batch.pause ? "Paused" : "Running") : "Finished"}
          </span>
          <span className="truncate text-neutral-600 dark:text-neutral-400" title={batch.name}>
            {batch.name}
          </span>
        </p>
        <BatchProgress batch={batch} title={title} />
        <BatchControls batch={batch} />
      </div>
      <div className="-mx-1 min-h-0 flex-1 overflow-y-auto overscroll-contain px-1 pt-1 pb-1">
        <BatchReviewGrid batch={batch} />
      </div>
    </div>
  );
}
