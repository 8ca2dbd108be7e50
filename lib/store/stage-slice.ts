import type { StateCreator } from "zustand";
import type { BatchRecord } from "@/lib/batch/record";
import type { SweepRecord } from "@/lib/sweep/record";
import type { PlaygroundState, StageSlice } from "./state";

/**
 * The run the workspace's stage shows: the one picked from the history, until something newer is
 * started after the pick (a run, a sweep or a batch takes the stage), else the newest run; null
 * when there are none. The runs a sweep or a batch keeps starting on its own count from when it
 * was started, so a running batch does not pull the stage back over a run picked since.
 */
export function selectStageRunId(state: PlaygroundState): string | null {
  const newest = state.runs[0];
  if (!newest) return null;
  const picked = state.stagedRun;
  if (!picked || !state.runs.some((run) => run.id === picked.runId)) return newest.id;
  const startedOf = groupStarts(state.sweeps, state.batches);
  for (const run of state.runs) {
    if (run.startedAt <= picked.at) break;
    if ((startedOf.get(run.id) ?? run.startedAt) > picked.at) return newest.id;
  }
  return picked.runId;
}

/** When each sweep's or batch's run's group was started, by run id; memoized per lists. */
function groupStarts(
  sweeps: readonly SweepRecord[],
  batches: readonly BatchRecord[],
): ReadonlyMap<string, number> {
  if (sweeps === lastSweeps && batches === lastBatches) return lastStarts;
  const starts = new Map<string, number>();
  for (const sweep of sweeps)
    for (const cell of sweep.cells) if (cell.runId) starts.set(cell.runId, sweep.createdAt);
  for (const batch of batches) {
    const startedAt = batch.startedAt ?? batch.createdAt;
    for (const item of batch.items) if (item.runId) starts.set(item.runId, startedAt);
  }
  lastSweeps = sweeps;
  lastBatches = batches;
  lastStarts = starts;
  return starts;
}

let lastSweeps: readonly SweepRecord[] | null = null;
let lastBatches: readonly BatchRecord[] | null = null;
let lastStarts: ReadonlyMap<string, number> = new Map();

export const createStageSlice: StateCreator<PlaygroundState, [], [], StageSlice> = (set, get) => ({
  stagedRun: null,
  stageRun: (runId) => set({ stagedRun: { runId, at: get().services.now() } }),
});
