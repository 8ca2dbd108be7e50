import type { StateCreator } from "zustand";
import { isInFlight } from "@/lib/batch/status";
import { errorMessage } from "@/lib/domain/app-error";
import { historyAlert } from "./alerts";
import { coordinate } from "./coordination";
import { sliceEngine } from "./slice-engine";
import type { BatchSlice, PlaygroundState } from "./state";

/**
 * The batches: their state is here, their work (queue, uploads, recipes, saving, export) is in
 * `./batch-engine`, loaded at the first action that needs it — adding inputs, a saved batch read
 * at startup, an imported one — so a session without batches never downloads it. Selectors are
 * in `./batch-selectors`.
 */
export const createBatchSlice: StateCreator<PlaygroundState, [], [], BatchSlice> = (set, get) => {
  const on = coordinate(get);
  // With the runs' code, in parallel: the engine starts its items as runs.
  const { engine, withEngine } = sliceEngine(() =>
    Promise.all([import("./batch-engine"), on.runEngineLoaded()]).then(([m]) =>
      m.createBatchEngine(set, get),
    ),
  );

  const alertLoadFailure = (message: string): void =>
    set({ alert: historyAlert(`Batches could not be loaded: ${message}`) });

  /** Whether a batch in flight holds the run (an ended batch's items follow no run any more). */
  const isFollowed = (runId: string) =>
    get().batches.some(
      (batch) => isInFlight(batch) && batch.items.some((item) => item.runId === runId),
    );

  /**
   * While reading inputs, `isReadingBatchInputs` is on — from the call, while the runner loads
   * too; failures go to `batchError`.
   */
  async function reading(work: () => Promise<void>): Promise<void> {
    set({ isReadingBatchInputs: true, batchError: null });
    try {
      await work();
    } catch (error) {
      set({ batchError: `The inputs could not be read: ${errorMessage(error)}` });
    } finally {
      set({ isReadingBatchInputs: false });
    }
  }

  return {
    batches: [],
    batchInputs: [],
    batchProblems: [],
    isReadingBatchInputs: false,
    batchError: null,
    addBatchFiles: (files) => reading(async () => (await engine()).readBatchFiles(files)),
    addBatchList: (text) => reading(async () => (await engine()).readBatchList(text)),
    removeBatchInput: (key) =>
      set((state) => ({ batchInputs: state.batchInputs.filter((input) => input.key !== key) })),
    clearBatchInputs: () => set({ batchInputs: [], batchProblems: [], batchError: null }),
    createBatch: (options) =>
      withEngine(
        (loaded) => loaded.createBatch(options),
        (message) => {
          set({ batchError: `The batch could not be created: ${message}` });
          return null;
        },
      ),
    startBatch: (batchId, options) =>
      withEngine(
        (loaded) => loaded.startBatch(batchId, options),
        (message) => {
          set({ batchError: `The batch could not start: ${message}` });
          return { ok: false, reason: "not-loaded" };
        },
      ),
    pauseBatch: (batchId) => withEngine((loaded) => loaded.pauseBatch(batchId), alertLoadFailure),
    resumeBatch: (batchId) => withEngine((loaded) => loaded.resumeBatch(batchId), alertLoadFailure),
    cancelBatch: (batchId) => withEngine((loaded) => loaded.cancelBatch(batchId), alertLoadFailure),
    retryFailedBatchItems: (batchId) =>
      withEngine((loaded) => loaded.retryFailedBatchItems(batchId), alertLoadFailure),
    moveBatchItemToFront: (batchId, itemId) =>
      withEngine((loaded) => loaded.moveBatchItemToFront(batchId, itemId), alertLoadFailure),
    setBatchConcurrency: (batchId, concurrency) =>
      withEngine((loaded) => loaded.setBatchConcurrency(batchId, concurrency), alertLoadFailure),
    reviewBatchItem: (batchId, itemId, review) =>
      withEngine((loaded) => loaded.reviewBatchItem(batchId, itemId, review), alertLoadFailure),
    rerunRejected: (batchId) =>
      withEngine((loaded) => loaded.rerunRejected(batchId), alertLoadFailure),
    deleteBatch: (batchId) => withEngine((loaded) => loaded.deleteBatch(batchId), alertLoadFailure),
    exportBatch: (batchId, options) =>
      withEngine(
        (loaded) => loaded.exportBatch(batchId, options),
        (message) => {
          set({ batchError: `The export failed: ${message}` });
          return null;
        },
      ),
    // The four below run in every session (as each run changes or finishes, at startup, on every
    // zip import): with no batch to work on they return before loading the runner, which would
    // otherwise be downloaded by sessions that never use batches.
    pumpBatches: async () => {
      if (!get().batches.some(isInFlight)) return;
      await withEngine((loaded) => loaded.pumpBatches(), alertLoadFailure);
    },
    syncBatchRun: async (runId) => {
      if (!isFollowed(runId)) return;
      await withEngine((loaded) => loaded.syncBatchRun(runId), alertLoadFailure);
    },
    restoreBatches: async (records) => {
      const known = new Set(get().batches.map((batch) => batch.id));
      const restored = records.filter((batch) => !known.has(batch.id));
      if (restored.length === 0) return;
      // In the store at once, as saved (in the same tick as their runs, so those never show as
      // runs of their own). Those in flight are then brought in line with their runs by the
      // runner; ended ones need nothing of it (their items and runs have ended too).
      set((state) => ({
        batches: [...state.batches, ...restored].sort((a, b) => b.createdAt - a.createdAt),
      }));
      const ids = restored.filter(isInFlight).map((batch) => batch.id);
      if (ids.length === 0) return;
      await withEngine((loaded) => loaded.reviveBatches(ids), alertLoadFailure);
    },
    // A failed load rejects: the import says it was only partly imported.
    importBatches: async (records) =>
      records.length === 0 ? 0 : (await engine()).importBatches(records),
  };
};
