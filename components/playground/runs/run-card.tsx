"use client";

import { catchError, type ErrorInfo } from "next/error";
import { memo } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { selectStageRunId } from "@/lib/store/playground-store";
import { ResultGrid } from "./result-grid";
import { RunCardActions } from "./run-card-actions";
import { RunCode } from "./run-code";
import { RunFailure } from "./run-failure";
import { RunLineage } from "./run-lineage";
import { RunLogs } from "./run-logs";
import { RunStatus } from "./run-status";
import { RunSummary } from "./run-summary";
import { RunTools } from "./run-tools";

/** The id of a run's heading (focusable: where "go to run N" puts focus). */
export function runTitleId(runId: string): string {
  return `run-${runId}-title`;
}

/**
 * One run: status, star and delete, what was asked, the results (or why there are none) and its
 * logs. Clicking it (or its "Show on stage" button) puts it on the workspace's stage. Memoised: the gallery re-renders its list as it scrolls, and a card reads its run from the
 * store itself.
 */
export const RunCard = memo(function RunCard({
  runId,
  runNumber,
}: {
  runId: string;
  runNumber: number;
}) {
  const titleId = runTitleId(runId);
  const isOnStage = usePlaygroundStore((s) => selectStageRunId(s) === runId);
  const stageRun = usePlaygroundStore((s) => s.stageRun);
  return (
    <RunCardBoundary runNumber={runNumber}>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: a pointer shortcut; the card's "Show on stage" button is the keyboard way. */}
      <article
        aria-labelledby={titleId}
        data-on-stage={isOnStage || undefined}
        onClick={() => {
          if (!isOnStage) stageRun(runId);
        }}
        className="flex flex-col gap-3 rounded-lg border border-neutral-200 bg-neutral-50/60 p-3 data-on-stage:border-accent-500 data-on-stage:ring-1 data-on-stage:ring-accent-500 dark:border-neutral-800 dark:bg-neutral-950/40 dark:data-on-stage:border-accent-400 dark:data-on-stage:ring-accent-400"
      >
        <RunStatus
          runId={runId}
          runNumber={runNumber}
          titleId={titleId}
          actions={<RunCardActions runId={runId} runNumber={runNumber} />}
        />
        <RunSummary runId={runId} runNumber={runNumber} />
        <RunTools runId={runId} runNumber={runNumber} />
        <RunCode runId={runId} runNumber={runNumber} />
        <RunLineage runId={runId} runNumber={runNumber} />
        <RunFailure runId={runId} runNumber={runNumber} />
        <ResultGrid runId={runId} runNumber={runNumber} />
        <RunLogs runId={runId} runNumber={runNumber} />
      </article>
    </RunCardBoundary>
  );
});

/**
 * Keeps a run whose result cannot be shown (a malformed output) from taking the whole
 * playground down: that run alone says so, the form and the other runs carry on.
 */
const RunCardBoundary = catchError(function RunCardFallback(
  { runNumber }: { runNumber: number },
  { reset }: ErrorInfo,
) {
  // React reports the error itself (console.error); this only replaces the broken card.
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
    >
      <p className="min-w-0 flex-1">Run {runNumber} could not be shown.</p>
      <Button size="sm" variant="danger" onClick={() => reset()}>
        Try again<span className="sr-only"> to show run {runNumber}</span>
      </Button>
    </div>
  );
});
