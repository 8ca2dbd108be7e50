import type { StateCreator } from "zustand";
import { errorMessage } from "@/lib/domain/app-error";
import { loadOnce } from "@/lib/domain/load-once";
import type { BatchSlice, PlaygroundState } from "./state";

/**
 * The batches: their state is here, their work (queue, uploads, recipes, saving, export) is in
 * `./batch-engine`, loaded at the first action that needs it — adding inputs, a saved batch read
 * at startup, an imported one — so a session without batches never downloads it. Selectors are
 * in `./batch-selectors`.
 */
export const createBatchSlice: StateCreator<PlaygroundState, [], [], BatchSlice> = (set, get) => {
  /**
   * The runner, loaded once per store. Every action waits on this one load, so actions called
   * before it finished run in the order they were called.
   */
  const engine = loadOnce(() =>
    import("./batch-engine").then((m) => m.createBatchEngine(set, get)),
  );

  /** Whether a batch holds the run (it was started by the runner, so the runner is loaded). */
  const ownsRun = (runId: string) =>
    get().batches.some((batch) => batch.items.some((item) => item.runId === runId));

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
    createBatch: async (options) => (await engine()).createBatch(options),
    startBatch: async (batchId, options) => (await engine()).startBatch(batchId, options),
    pauseBatch: async (batchId) => (await engine()).pauseBatch(batchId),
    resumeBatch: async (batchId) => (await engine()).resumeBatch(batchId),
    cancelBatch: async (batchId) => (await engine()).cancelBatch(batchId),
    retryFailedBatchItems: async (batchId) => (await engine()).retryFailedBatchItems(batchId),
    moveBatchItemToFront: async (batchId, itemId) =>
      (await engine()).moveBatchItemToFront(batchId, itemId),
    setBatchConcurrency: async (batchId, concurrency) =>
      (await engine()).setBatchConcurrency(batchId, concurrency),
    reviewBatchItem: async (batchId, itemId, review) =>
      (await engine()).reviewBatchItem(batchId, itemId, review),
    rerunRejected: async (batchId) => (await engine()).rerunRejected(batchId),
    deleteBatch: async (batchId) => (await engine()).deleteBatch(batchId),
    exportBatch: async (batchId, options) => (await engine()).exportBatch(batchId, options),
    // The four below run in every session (as each run changes or finishes, at startup, on every
    // zip import): with no batch to work on they return before loading the runner, which would
    // otherwise be downloaded by sessions that never use batches.
    pumpBatches: async () => {
      if (!get().batches.some((batch) => batch.startedAt !== null)) return;
      (await engine()).pumpBatches();
    },
    syncBatchRun: async (runId) => {
      if (!ownsRun(runId)) return;
      (await engine()).syncBatchRun(runId);
    },
    restoreBatches: async (records) => {
      const known = new Set(get().batches.map((batch) => batch.id));
      const restored = records.filter((batch) => !known.has(batch.id));
      if (restored.length === 0) return;
      // In the store at once, as saved (in the same tick as their runs, so those never show as
      // runs of their own); the runner then brings them in line with the runs.
      set((state) => ({
        batches: [...state.batches, ...restored].sort((a, b) => b.createdAt - a.createdAt),
      }));
      (await engine()).reviveBatches(restored.map((batch) => batch.id));
    },
    importBatches: async (records) =>
      records.length === 0 ? 0 : (await engine()).importBatches(records),
  };
};
