import type { StateCreator } from "zustand";
import type { PlaygroundState, StageSlice } from "./state";

/**
 * The run the workspace's stage shows: the one picked from the history, until a newer run starts
 * (a run started after the pick takes the stage), else the newest run; null when there are none.
 */
export function selectStageRunId(state: PlaygroundState): string | null {
  const newest = state.runs[0];
  if (!newest) return null;
  const picked = state.stagedRun;
  if (
    picked &&
    picked.at >= newest.startedAt &&
    state.runs.some((run) => run.id === picked.runId)
  ) {
    return picked.runId;
  }
  return newest.id;
}

export const createStageSlice: StateCreator<PlaygroundState, [], [], StageSlice> = (set, get) => ({
  stagedRun: null,
  stageRun: (runId) => set({ stagedRun: { runId, at: get().services.now() } }),
});
