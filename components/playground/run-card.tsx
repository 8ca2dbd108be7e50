"use client";

import { ResultGrid } from "./result-grid";
import { RunFailure } from "./run-failure";
import { RunLogs } from "./run-logs";
import { RunStatus } from "./run-status";
import { RunSummary } from "./run-summary";

/** One run: status, what was asked, the results (or why there are none) and its logs. */
export function RunCard({ runId, runNumber }: { runId: string; runNumber: number }) {
  const titleId = `run-${runId}-title`;
  return (
    <article
      aria-labelledby={titleId}
      className="flex flex-col gap-3 rounded-lg border border-neutral-200 bg-neutral-50/60 p-3 sm:p-4 dark:border-neutral-800 dark:bg-neutral-950/40"
    >
      <RunStatus runId={runId} runNumber={runNumber} titleId={titleId} />
      <RunSummary runId={runId} />
      <RunFailure runId={runId} runNumber={runNumber} />
      <ResultGrid runId={runId} runNumber={runNumber} />
      <RunLogs runId={runId} />
    </article>
  );
}
