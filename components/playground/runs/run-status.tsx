"use client";

import { type ReactNode, useCallback, useEffect, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { focusAfterRender } from "@/components/ui/focus";
import {
  isActivePhase,
  phaseAnnouncement,
  phaseStatus,
  phaseWord,
  runElapsed,
  selectRun,
} from "./result-format";

const BADGE: Record<"active" | "completed" | "failed" | "cancelled", string> = {
  active: "bg-accent-50 text-accent-700 dark:bg-accent-700/20 dark:text-accent-400",
  completed: "bg-emerald-50 text-emerald-800 dark:bg-emerald-900/30 dark:text-emerald-300",
  failed: "bg-red-50 text-red-800 dark:bg-red-900/30 dark:text-red-300",
  cancelled: "bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300",
};

const PROGRESS_CLASS =
  "h-1.5 w-full appearance-none overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800 [&::-moz-progress-bar]:bg-accent-500 [&::-webkit-progress-bar]:bg-neutral-200 dark:[&::-webkit-progress-bar]:bg-neutral-800 [&::-webkit-progress-value]:bg-accent-500 [&::-webkit-progress-value]:transition-[width]";

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
  const run = usePlaygroundStore(
    useShallow((s) => {
      const found = selectRun(runId)(s);
      return found
        ? {
            phase: found.phase,
            queuePosition: found.queuePosition,
            step: found.step,
            startedAt: found.startedAt,
            finishedAt: found.finishedAt,
            isCancelRequested: found.isCancelRequested,
          }
        : null;
    }),
  );
  const cancelRun = usePlaygroundStore((s) => s.cancelRun);
  // Cancel goes away when the run ends: if it had focus, focus the run's heading instead of
  // letting it fall to <body>. The ref cleanup runs before the button leaves the document.
  const cancelRef = useCallback(
    (button: HTMLButtonElement | null) => {
      if (!button) return;
      return () => {
        if (document.activeElement === button) focusAfterRender([titleId]);
      };
    },
    [titleId],
  );
  if (!run) return null;
  const isActive = isActivePhase(run.phase) && run.finishedAt === null;
  const tone = isActive
    ? "active"
    : run.phase === "completed" || run.phase === "failed"
      ? run.phase
      : "cancelled";
  const badge = BADGE[tone];

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
            <Button
              ref={cancelRef}
              size="sm"
              variant="secondary"
              // aria-disabled, not disabled: a disabled button drops focus to <body>.
              aria-disabled={run.isCancelRequested || undefined}
              onClick={() => {
                if (!run.isCancelRequested) void cancelRun(runId);
              }}
              className="aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
            >
              {/* Named "Cancel run N" / "Cancelling run N": the visible word plus the run. */}
              <span>
                {run.isCancelRequested ? "Cancelling" : "Cancel"}
                <span className="sr-only"> run {runNumber}</span>
                {run.isCancelRequested ? <span aria-hidden="true">…</span> : null}
              </span>
            </Button>
          ) : null}
          {actions}
        </div>
      </div>
      {isActive ? (
        run.step && run.phase === "running" ? (
          <progress
            aria-label={`Progress of run ${runNumber}`}
            className={PROGRESS_CLASS}
            value={run.step.current}
            max={run.step.total}
          />
        ) : (
          <progress aria-label={`Progress of run ${runNumber}`} className={PROGRESS_CLASS} />
        )
      ) : null}
    </header>
  );
}

/**
 * A visually hidden polite live region for a run's phase. It starts empty and takes the text
 * after mounting, so the first phase of a new run is announced too.
 */
function PhaseAnnouncement({ text }: { text: string }) {
  const [spoken, setSpoken] = useState("");
  useEffect(() => setSpoken(text), [text]);
  return (
    <span aria-live="polite" aria-atomic="true" className="sr-only">
      {spoken}
    </span>
  );
}

/** Time since the run started, ticking while it is active; the final duration after. */
function RunElapsed({ startedAt, finishedAt }: { startedAt: number; finishedAt: number | null }) {
  const now = useNow(finishedAt === null);
  return (
    <span className="whitespace-nowrap text-xs text-neutral-500 tabular-nums dark:text-neutral-400">
      <span className="sr-only">Elapsed: </span>
      {runElapsed({ startedAt, finishedAt }, now)}
    </span>
  );
}

/** The store's clock, refreshed every ~200 ms while `isTicking`. */
function useNow(isTicking: boolean): number {
  const clock = usePlaygroundStore((s) => s.services.now);
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (!isTicking) return;
    setNow(clock());
    const timer = setInterval(() => setNow(clock()), 200);
    return () => clearInterval(timer);
  }, [isTicking, clock]);
  return now;
}
