import type { StateCreator } from "zustand";
import { highestSerial } from "@/lib/domain/run-serial";
import { historyAlert } from "./alerts";
import type { RunsEngine } from "./runs-engine";
import { sliceEngine } from "./slice-engine";
import type { PlaygroundState, RunsSlice } from "./state";

/**
 * The runs slice: its state, the run numbers and thin actions. The work (checking the form,
 * uploading, following runs to their result, cancelling, reporting failures) is in
 * `./runs-engine`, loaded at the first action that needs it or when the browser is idle after the
 * first screen (`loadRunEngine`), so the first screen's JavaScript does not carry it.
 */
export const createRunsSlice: StateCreator<PlaygroundState, [], [], RunsSlice> = (set, get) => {
  /** The engine once loaded, for `launchRun`, which answers at once (see there). */
  let loadedEngine: RunsEngine | null = null;
  const { engine, withEngine } = sliceEngine(() =>
    import("./runs-engine").then((m) => {
      loadedEngine = m.createRunsEngine(set, get);
      return loadedEngine;
    }),
  );

  /** The alert for an action whose code could not be loaded: what failed, and why. */
  const alertLoadFailure =
    (what: string) =>
    (message: string): void =>
      set({ alert: historyAlert(`${what}: ${message}`) });

  /** The highest run number given out in this session, so a deleted run's number is not reused. */
  let lastSerial = 0;

  return {
    runs: [],
    fieldErrors: {},
    alert: null,
    startRun: () =>
      withEngine(
        (loaded) => loaded.startRun(),
        (message) => {
          alertLoadFailure("The run could not start")(message);
          return null;
        },
      ),
    cancelRun: (runId) =>
      withEngine(
        (loaded) => loaded.cancelRun(runId),
        alertLoadFailure("The run could not be cancelled"),
      ),
    retryRun: (runId) =>
      withEngine(
        (loaded) => loaded.retryRun(runId),
        (message) => {
          alertLoadFailure("The run could not be retried")(message);
          return null;
        },
      ),
    dismissAlert: () => set({ alert: null }),
    // Called at startup only for a saved run that was queued or running when the page closed.
    resumeRun: (runId, requestId) =>
      withEngine(
        (loaded) => loaded.resumeRun(runId, requestId),
        alertLoadFailure("A run from before the reload could not be followed"),
      ),
    loadRunEngine: async () => {
      await engine();
    },
    // Here, not in the engine: imports number their runs whether or not a run was started.
    nextRunSerial: () => {
      lastSerial = Math.max(lastSerial, highestSerial(get().runs.map((run) => run.serial))) + 1;
      return lastSerial;
    },
    launchRun: (spec) => {
      // Synchronous, so a sweep or batch holds its run's id in the same tick as the run exists
      // (no second cell or item starts in a slot it takes). Its callers, the sweep and batch
      // engines, load only after this engine (`loadRunEngine`), so it is always here for them.
      if (!loadedEngine) throw new Error("A run was launched before the code that runs it loaded");
      return loadedEngine.launchRun(spec);
    },
  };
};
