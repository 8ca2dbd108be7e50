"use client";

import { useEffect, useState } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import type { Run } from "@/lib/domain/run";
import { runElapsed } from "./result-format";

const PROGRESS_CLASS =
  "h-1.5 w-full appearance-none overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800 [&::-moz-progress-bar]:bg-accent-500 [&::-webkit-progress-bar]:bg-neutral-200 dark:[&::-webkit-progress-bar]:bg-neutral-800 [&::-webkit-progress-value]:bg-accent-500 [&::-webkit-progress-value]:transition-[width]";

/** An active run's progress bar: steps once it is running and reports them, else indeterminate. */
export function RunProgress({
  runNumber,
  phase,
  step,
}: {
  runNumber: number;
  phase: Run["phase"];
  step: Run["step"];
}) {
  return step && phase === "running" ? (
    <progress
      aria-label={`Progress of run ${runNumber}`}
      className={PROGRESS_CLASS}
      value={step.current}
      max={step.total}
    />
  ) : (
    <progress aria-label={`Progress of run ${runNumber}`} className={PROGRESS_CLASS} />
  );
}

/**
 * A visually hidden polite live region for a run's phase. It starts empty and takes the text
 * after mounting, so the first phase of a new run is announced too.
 */
export function PhaseAnnouncement({ text }: { text: string }) {
  const [spoken, setSpoken] = useState("");
  useEffect(() => setSpoken(text), [text]);
  return (
    <span aria-live="polite" aria-atomic="true" className="sr-only">
      {spoken}
    </span>
  );
}

/** Time since the run started, ticking while it is active; the final duration after. */
export function RunElapsed({
  startedAt,
  finishedAt,
}: {
  startedAt: number;
  finishedAt: number | null;
}) {
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
