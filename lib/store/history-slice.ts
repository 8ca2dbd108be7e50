import type { StateCreator } from "zustand";
import { historyAlert } from "./alerts";
import { coordinate } from "./coordination";
import { runOf as selectRun } from "./selectors";
import { sliceEngine } from "./slice-engine";
import type { HistorySlice, PlaygroundState } from "./state";

/** Above this share of the browser's quota, the person is told storage is running short. */
export const STORAGE_SHORT_SHARE = 0.9;

/**
 * The history slice: its state (the storage notice, the last deletion, the runs chosen for
 * export), the choosing and starring, and thin actions. The work (deleting with undo, importing,
 * remixing, keeping the image cache in step) is in `./history-engine`, loaded at the first action
 * that needs it, so the first screen's JavaScript does not carry it.
 */
export const createHistorySlice: StateCreator<PlaygroundState, [], [], HistorySlice> = (
  set,
  get,
) => {
  const { engine, withEngine } = sliceEngine(() =>
    import("./history-engine").then((m) => m.createHistoryEngine(set, get)),
  );
  /** Cross-slice work goes through one place. */
  const on = coordinate(get);

  const alertLoadFailure = (message: string): void =>
    set({ alert: historyAlert(`The history's code could not be loaded: ${message}`) });

  return {
    storageNotice: null,
    dismissStorageNotice: () => set({ storageNotice: null }),
    deletion: null,
    selectedRunIds: [],
    toggleRunSelected: (runId) =>
      set((state) => ({
        selectedRunIds: state.selectedRunIds.includes(runId)
          ? state.selectedRunIds.filter((id) => id !== runId)
          : [...state.selectedRunIds, runId],
      })),
    selectRuns: (runIds) => set({ selectedRunIds: [...new Set(runIds)] }),
    toggleFavourite: (runId) => {
      if (!selectRun(get(), runId)) return;
      set((state) => ({
        runs: state.runs.map((run) =>
          run.id === runId ? { ...run, isFavourite: !run.isFavourite } : run,
        ),
      }));
      on.runChanged(runId);
    },
    deleteRuns: (runIds) =>
      withEngine(
        (loaded) => loaded.deleteRuns(runIds),
        (message) => {
          alertLoadFailure(message);
          return 0;
        },
      ),
    clearHistory: () =>
      withEngine(
        (loaded) => loaded.clearHistory(),
        (message) => {
          alertLoadFailure(message);
          return 0;
        },
      ),
    undoDelete: async () => {
      // Nothing to bring back: the engine is not loaded for it.
      if (!get().deletion) return;
      await withEngine((loaded) => loaded.undoDelete(), alertLoadFailure);
    },
    forgetDeletion: async () => {
      if (!get().deletion) return;
      await withEngine((loaded) => loaded.forgetDeletion(), alertLoadFailure);
    },
    // A failed load rejects: the import says it was only partly imported.
    importRuns: async (imported) => (await engine()).importRuns(imported),
    reuseSettings: (runId, options) =>
      withEngine((loaded) => loaded.reuseSettings(runId, options), alertLoadFailure),
    remixRun: (runId, options) =>
      withEngine((loaded) => loaded.remixRun(runId, options), alertLoadFailure),
    applyRecipe: (recipe) => withEngine((loaded) => loaded.applyRecipe(recipe), alertLoadFailure),
    // Never rejects (as the engine's): a failed load is reported in the alert.
    cacheImage: (url, blob) =>
      withEngine((loaded) => loaded.cacheImage(url, blob), alertLoadFailure),
    cacheRunImages: (runId) =>
      withEngine((loaded) => loaded.cacheRunImages(runId), alertLoadFailure),
    syncImageCache: async () => {
      const images = get().services.images;
      if (!images) return;
      const estimate = await images.estimate?.().catch(() => null);
      const share = estimate ? estimate.usage / estimate.quota : 0;
      const percentFull = share > STORAGE_SHORT_SHARE ? Math.round(share * 100) : null;
      let cached: string[] | null;
      try {
        cached = await images.urls();
      } catch (error) {
        console.error("image cache:", error);
        cached = null;
      }
      // Storage not short, and nothing cached and no result to cache (a first visit): nothing to
      // say, keep or drop, and the engine is not loaded for it.
      const isIdle =
        cached === null ||
        (cached.length === 0 && !get().runs.some((run) => run.phase === "completed"));
      if (percentFull === null && isIdle) return;
      await withEngine(
        (loaded) => loaded.syncImageCache(cached && new Set(cached), percentFull),
        alertLoadFailure,
      );
    },
  };
};
