"use client";

import { RunElapsed, RunProgress } from "@/components/playground/runs/run-timing";
import { useRunProgress } from "@/components/playground/runs/use-run-progress";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";

/** On the placeholders of an active run: where it is, the progress bar, elapsed time and Cancel. */
export function StageProgress({ runId, runNumber }: { runId: string; runNumber: number }) {
  const run = useRunProgress(runId);
  const cancelRun = usePlaygroundStore((s) => s.cancelRun);
  if (!run) return null;
  const where =
    run.phase === "uploading"
      ? "Uploading the image"
      : run.phase === "queued"
        ? run.queuePosition === null
          ? "Waiting in the queue"
          : `Waiting in the queue, position ${run.queuePosition + 1}`
        : run.step
          ? `Step ${run.step.current} of ${run.step.total}`
          : "Starting";

  return (
    <div className="flex flex-col gap-2 rounded-xl border border-neutral-200 bg-white/95 p-3 shadow-lg backdrop-blur dark:border-neutral-700 dark:bg-neutral-900/95">
      <div className="flex items-center justify-between gap-3 text-sm">
        <span className="min-w-0 truncate text-neutral-800 tabular-nums dark:text-neutral-200">
          {where}
        </span>
        <RunElapsed startedAt={run.startedAt} finishedAt={run.finishedAt} />
      </div>
      <RunProgress runNumber={runNumber} phase={run.phase} step={run.step} />
      <Button
        size="sm"
        variant="secondary"
        // aria-disabled, not disabled: a disabled button drops focus to <body>.
        aria-disabled={run.isCancelRequested || undefined}
        onClick={() => {
          if (!run.isCancelRequested) void cancelRun(runId);
        }}
        className="self-end aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
      >
        {run.isCancelRequested ? "Cancelling…" : "Cancel"}
        <span className="sr-only"> run {runNumber} on the stage</span>
      </Button>
    </div>
  );
}
