"use client";

import { isFinished } from "@/lib/batch/queue";
import type { BatchRecord } from "@/lib/batch/record";
import { selectBatchProgress } from "@/lib/store/batch-selectors";
import { formatClock, formatCounts, formatPace } from "./batch-format";
import { useNow } from "./use-batch";

/**
 * Where a batch stands: a bar, the counts (done, running, queued, failed), the pace and time
 * left, and why it is paused — the server's message and when it resumes after a refusal.
 */
export function BatchProgress({ batch, title }: { batch: BatchRecord; title: string }) {
  const isRunning = batch.startedAt !== null && !batch.items.every(isFinished);
  const now = useNow(isRunning);
  const progress = selectBatchProgress(batch, now);
  const pace = formatPace(progress);
  const { pause } = batch;
  return (
    <div className="flex flex-col gap-1.5">
      <progress
        aria-label={`Progress of ${title}`}
        value={progress.done + progress.failed}
        max={Math.max(1, progress.total - progress.cancelled)}
        className="h-2 w-full overflow-hidden rounded-full accent-accent-600 [&::-webkit-progress-bar]:bg-neutral-200 [&::-webkit-progress-value]:bg-accent-600 dark:[&::-webkit-progress-bar]:bg-neutral-800"
      />
      <p className="flex flex-wrap gap-x-3 text-xs text-neutral-700 tabular-nums dark:text-neutral-300">
        <span data-testid="batch-counts">{formatCounts(progress)}</span>
        {pace && isRunning ? (
          <span className="text-neutral-600 dark:text-neutral-400">{pace}</span>
        ) : null}
      </p>
      {pause && isRunning ? (
        <output className="block rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
          {pause.reason === "user"
            ? "Paused. Running images finish; the rest wait for Resume."
            : `Paused by the server: ${pause.message ?? "too many requests"}.${
                pause.resumeAt !== null ? ` Resumes at ${formatClock(pause.resumeAt)}.` : ""
              }`}
        </output>
      ) : null}
    </div>
  );
}
