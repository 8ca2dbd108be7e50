import type { StateCreator } from "zustand";
import { historyAlert } from "./alerts";
import { coordinate } from "./coordination";
import type { HistoryReads } from "./persistence-engine";
import { runOf } from "./selectors";
import { sliceEngine } from "./slice-engine";
import type { PersistenceSlice, PlaygroundState } from "./state";
import type { HistoryService } from "./types";

/**
 * How many of the newest runs the history shows before every saved run is read: more than fill
 * a tall history column with its overscan.
 */
export const FIRST_PAGE_RUNS = 12;

/** How long the form must stay unchanged before its draft is saved. */
export const DRAFT_SAVE_DELAY_MS = 400;

/**
 * The persistence slice: its state, the draft autosave and thin actions. The work (restoring the
 * history, the draft and its input image, saving runs in order, reporting failed saves) is in
 * `./persistence-engine`, so the first screen's JavaScript does not carry it: the startup's
 * `hydrate` loads it while the history's reads run, so neither waits for the other.
 */
export const createPersistenceSlice: StateCreator<PlaygroundState, [], [], PersistenceSlice> = (
  set,
  get,
) => {
  /** Cross-slice work goes through one place. */
  const on = coordinate(get);
  const { withEngine } = sliceEngine(() =>
    import("./persistence-engine").then((m) => m.createPersistenceEngine(set, get)),
  );
  let hydration: Promise<void> | null = null;
  /** The library's and the sweep setup's reads: once per store, even if the history's are redone. */
  let otherReads: Promise<unknown> | null = null;

  const alertSaveFailure = (reason: string): void =>
    set({ alert: historyAlert(`History could not be saved: ${reason}`) });

  async function loadHistory(): Promise<void> {
    const history = get().services.history;
    if (!history) return;
    const reads = readHistory(history);
    await withEngine(
      (loaded) => loaded.restoreHistory(reads),
      (reason) => {
        // Nothing was restored, so nothing acts as if it were: the draft is not saved over the
        // unread one (isHistoryLoaded stays false), the image cache keeps the images of runs not
        // shown, and the next hydrate (e.g. a file opened) reads the history again.
        hydration = null;
        set({ alert: historyAlert(`History could not be loaded: ${reason}`) });
      },
    );
  }

  return {
    saveRun: (runId) => {
      const run = runOf(get(), runId);
      // A run still uploading cannot be resumed, so it is never saved (nor the engine loaded for
      // it). What is saved is the run as it is at this call, even if the engine is still loading.
      if (!get().services.history || !run || run.requestId === null || run.phase === "uploading") {
        return;
      }
      void withEngine((loaded) => loaded.saveRun(run), alertSaveFailure);
    },
    isHistoryLoaded: false,
    hydrate: () => {
      if (!hydration) {
        const history = loadHistory();
        otherReads ??= Promise.all([on.loadLibrary(), on.loadSweepSetup()]);
        hydration = Promise.all([history, otherReads]).then(() => undefined);
      }
      return hydration;
    },
    saveDraftImage: async () => {
      if (!get().services.history?.saveDraftImage) return;
      await withEngine((loaded) => loaded.saveDraftImage(), alertSaveFailure);
    },
    saveDraft: async () => {
      if (!get().services.history) return;
      await withEngine((loaded) => loaded.saveDraft(), alertSaveFailure);
    },
  };
};

/**
 * Starts the startup's reads of the history, so they run while the engine's code loads: the
 * history shows no later for being in a chunk of its own.
 */
function readHistory(history: HistoryService): HistoryReads {
  const newest = history.loadNewestRuns?.(FIRST_PAGE_RUNS) ?? null;
  const saved = Promise.all([
    history.loadDraft(),
    // Once the newest runs are read: IndexedDB would answer them only after the full read.
    Promise.allSettled([newest]).then(() => history.loadRuns()),
    history.loadSweeps?.() ?? [],
    history.loadDraftImage?.().catch(() => null) ?? null,
    history.loadBatches?.() ?? [],
  ]);
  // The engine reports their failures; when its code cannot load, they are read again next time.
  for (const read of [newest, saved]) read?.catch(() => {});
  return { newest, saved };
}

/**
 * The draft autosave: with a history service, the form's draft (prompt, LoRAs, settings) is
 * saved {@link DRAFT_SAVE_DELAY_MS} after it last changed (at once when a run starts), and its
 * input image as soon as it changes, once the history has been loaded (so a saved draft is never
 * overwritten before it is read).
 */
export function autosaveDraft(store: {
  getState: () => PlaygroundState;
  subscribe: (listener: (state: PlaygroundState, previous: PlaygroundState) => void) => unknown;
}): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    void store.getState().saveDraft();
  };
  store.subscribe((state, previous) => {
    if (!state.services.history || !state.isHistoryLoaded) return;
    const isFormChanged =
      state.prompt !== previous.prompt ||
      state.loras !== previous.loras ||
      state.settings !== previous.settings;
    if (isFormChanged) {
      clearTimeout(timer);
      timer = setTimeout(saveNow, DRAFT_SAVE_DELAY_MS);
    }
    if (state.image !== previous.image) void store.getState().saveDraftImage();
    // A run starting saves a pending draft at once: the form it ran with is worth keeping.
    const isRunStarted = state.runs.length > previous.runs.length;
    if (isRunStarted && timer !== undefined) saveNow();
  });
}
