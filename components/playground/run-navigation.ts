"use client";

import type { PlaygroundState } from "@/lib/store/playground-store";

/** A run's number as its card shows it ("Run N": the oldest run is 1), or null when it is gone. */
export function selectRunNumber(runId: string): (state: PlaygroundState) => number | null {
  return (state) => {
    const index = state.runs.findIndex((run) => run.id === runId);
    return index < 0 ? null : state.runs.length - index;
  };
}

/** Scrolls a run's card into view and focuses its heading; false when it is not on the page. */
export function focusRun(runId: string): boolean {
  const heading = document.getElementById(`run-${runId}-title`);
  if (!heading) return false;
  heading.scrollIntoView({ behavior: "smooth", block: "center" });
  heading.focus({ preventScroll: true });
  return true;
}
