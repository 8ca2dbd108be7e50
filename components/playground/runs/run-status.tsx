"use client";

import type { ReactNode } from "react";
import {
  phaseAnnouncement,
  phaseStatus,
  phaseWord,
  RUN_TONE_CLASS,
  runTone,
} from "./result-format";
import { CancelRunButton } from "./run-cancel-button";
import { PhaseAnnouncement, RunElapsed, RunProgress } from "./run-timing";
import { useRunProgress } from "./use-run-progress";

/**
 * A run's heading, status, elapsed time, progress bar, Cancel button and `actions` (the card's
 * star and delete, at the end of the status line). The visible status follows every step; screen
 * readers hear only phase changes, from a separate live region.
 */
export function RunStatus({
  runId,
  runNumber,
  titleId,
  actions,
}: {
  runId: string;
  runNumber: number;
  titleId: string;
  actions?: ReactNode;
}) {
  const run = useRunProgress(runId);
  if (!run) return null;
  const tone = runTone(run.phase, run.finishedAt !== null);
  const isActive = tone === "active";
  const badge = RUN_TONE_CLASS[tone];

  return (
    <header className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
        <h3
          id={titleId}
          tabIndex={-1}
          className="flex items-center gap-2 rounded-sm text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
        >
          Run {runNumber}
          <span className="sr-only"> · </span>
          <span className={`rounded-full px-2 py-0.5 text-[11px] font-medium ${badge}`}>
            {phaseWord(run.phase)}
          </span>
        </h3>
        <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span className="whitespace-nowrap text-neutral-700 tabular-nums dark:text-neutral-300">
            {phaseStatus(run)}
          </span>
          <PhaseAnnouncement text={phaseAnnouncement(runNumber, run.phase)} />
          {run.phase !== "completed" ? (
            <RunElapsed startedAt={run.startedAt} finishedAt={run.finishedAt} />
          ) : null}
          {isActive ? (
            <CancelRunButton
              runId={runId}
              runNumber={runNumber}
              titleId={titleId}
              isCancelRequested={run.isCancelRequested}
            />
          ) : null}
          {actions}
        </div>
      </div>
      {isActive ? <RunProgress runNumber={runNumber} phase={run.phase} step={run.step} /> : null}
    </header>
  );
}
