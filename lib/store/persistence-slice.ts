import type { StateCreator } from "zustand";
import { toAppError } from "@/lib/browser/errors";
import { errorMessage } from "@/lib/domain/app-error";
import {
  type Draft,
  type DraftImage,
  isSameDraftImage,
  toDraft,
  toDraftImage,
} from "@/lib/domain/form";
import { type LoraEntry, newestFirst, type Run } from "@/lib/domain/run";
import { assignMissingSerials, highestSerial } from "@/lib/domain/run-serial";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/domain/settings";
import { fromHistoryRun, toHistoryRun } from "@/lib/history/run-record";
import { StorageFullError } from "@/lib/persist/idb";
import { historyAlert } from "./alerts";
import { coordinate } from "./coordination";
import { runOf } from "./selectors";
import type { PersistenceSlice, PlaygroundState } from "./state";

/**
 * How many of the newest runs the history shows before every saved run is read: more than fill
 * a tall history column with its overscan.
 */
export const FIRST_PAGE_RUNS = 12;

/** How long the form must stay unchanged before its draft is saved. */
export const DRAFT_SAVE_DELAY_MS = 400;

export const createPersistenceSlice: StateCreator<PlaygroundState, [], [], PersistenceSlice> = (
  set,
  get,
) => {
  /** Cross-slice work goes through one place. */
  const on = coordinate(get);
  /** Each run's last save, so saves of one run are written in order. */
  const saving = new Map<string, Promise<void>>();
  let hydration: Promise<void> | null = null;
  /** The input image the browser keeps (as last saved or restored), to skip rewriting it. */
  let keptImage: DraftImage | null = null;

  /** Reports a failed save in the alert (never silently), unless a run's failure is shown. */
  function reportSaveFailure(error: unknown): void {
    const message =
      error instanceof StorageFullError
        ? "Your browser's storage is full: history could not be saved. Delete some history or cached images, or free up disk space."
        : `History could not be saved: ${errorMessage(error)}`;
    set({ alert: historyAlert(message) });
  }

  /**
   * Saves a run's record, once it has a request id (a run still uploading cannot be resumed, so
   * it is never saved). Saves of one run are chained, so the last one written is the latest.
   */
  function persist(id: string): void {
    const history = get().services.history;
    const run = runOf(get(), id);
    if (!history || !run || run.requestId === null || run.phase === "uploading") return;
    const record = toHistoryRun(run);
    const previous = saving.get(id) ?? Promise.resolve();
    const next = previous
      .then(() => history.saveRun(record))
      .catch(reportSaveFailure)
      .finally(() => {
        if (saving.get(id) === next) saving.delete(id);
      });
    saving.set(id, next);
  }

  /**
   * Shows the newest finished runs (numbered ones: no sweep cells) before the whole history is
   * read. Returns the runs it put in the store, by id, as put there. Never rejects.
   */
  async function showNewestRuns(): Promise<Map<string, Run>> {
    const shown = new Map<string, Run>();
    const load = get().services.history?.loadNewestRuns;
    if (!load) return shown;
    let records: Awaited<ReturnType<typeof load>>;
    try {
      records = await load(FIRST_PAGE_RUNS);
    } catch (error) {
      // The whole history is read next anyway (and reports what fails).
      console.warn("history: the newest runs could not be read first", error);
      return shown;
    }
    const present = new Set(get().runs.map((run) => run.id));
    for (const record of records) {
      const isShown =
        typeof record.serial === "number" &&
        record.finishedAt !== null &&
        record.status !== "queued" &&
        record.status !== "running" &&
        !present.has(record.id);
      if (isShown) shown.set(record.id, fromHistoryRun(record));
    }
    if (shown.size > 0) set((state) => ({ runs: [...state.runs, ...shown.values()] }));
    return shown;
  }

  async function loadHistory(): Promise<void> {
    const history = get().services.history;
    if (!history) return;
    const newest = showNewestRuns();
    try {
      const [draft, saved, sweeps, draftImage, batches] = await Promise.all([
        history.loadDraft(),
        // Once the newest runs are read: IndexedDB would answer them only after the full read.
        newest.then(() => history.loadRuns()),
        history.loadSweeps?.() ?? [],
        history.loadDraftImage?.().catch(() => null) ?? null,
        history.loadBatches?.() ?? [],
      ]);
      // Runs shown first (possibly changed or deleted since) stay as they are in the store.
      const shownFirst = await newest;
      if (draft) applyDraft(draft);
      if (draftImage) void restoreDraftImage(draftImage);
      // An image chosen while the history loaded is kept at once (it changed before autosave).
      else if (get().image) void get().saveDraftImage();
      const known = new Set(get().runs.map((run) => run.id));
      // Records saved before runs had numbers get them now, oldest first (sweep cells none),
      // above any number a run started before the history loaded already took.
      const cellRunIds = new Set(
        sweeps.flatMap((sweep) => sweep.cells.flatMap((cell) => (cell.runId ? [cell.runId] : []))),
      );
      const numbered = assignMissingSerials(
        saved.filter((record) => !known.has(record.id) && !shownFirst.has(record.id)),
        cellRunIds,
        highestSerial([...shownFirst.values()].map((run) => run.serial)),
      );
      const restored = numbered.records;
      if (restored.length > 0 || shownFirst.size > 0) {
        set((state) => {
          const early = state.runs.filter((run) => !shownFirst.has(run.id));
          const loaded = [...state.runs.filter((run) => shownFirst.has(run.id))];
          return {
            runs: [
              ...renumberAbove(early, [...restored, ...loaded]),
              ...newestFirst([...loaded, ...restored.map(fromHistoryRun)]),
            ],
          };
        });
      }
      const early = new Set(
        get()
          .runs.map((run) => run.id)
          .filter((id) => known.has(id) && !shownFirst.has(id)),
      );
      for (const id of [...numbered.changed, ...early]) persist(id);
      // In the same tick as the runs, so a sweep's runs never show as runs of their own.
      on.sweepsLoaded(sweeps);
      on.batchesLoaded(batches);
      for (const record of restored) {
        if (record.requestId && (record.status === "queued" || record.status === "running")) {
          const { requestId } = record;
          on.resumeRun(record.id, requestId).catch((error: unknown) =>
            set({ alert: { runId: record.id, topic: "run", error: toAppError(error) } }),
          );
        }
      }
      // Sweeps and batches carry on where they stopped: pending cells and items start as slots
      // free up.
      on.historyLoaded();
    } catch (error) {
      set({ alert: historyAlert(`History could not be loaded: ${errorMessage(error)}`) });
    } finally {
      set({ isHistoryLoaded: true });
    }
    void on.historySettled();
  }

  /**
   * Puts the kept input image back in the form through the same path as a chosen file (or a
   * remixed URL, with the cached copy as fallback), unless the form got an image meanwhile.
   */
  async function restoreDraftImage(kept: DraftImage): Promise<void> {
    const { image, isPreparingImage, services } = get();
    if (image !== null || isPreparingImage) return;
    const { name, parentRunId } = kept;
    if (kept.kind === "url") {
      keptImage = kept;
      const fallback = (await services.images?.get(kept.url)) ?? null;
      if (get().image !== null || get().isPreparingImage) return;
      await get().restoreImage(kept.url, { fallback, parentRunId, name });
      return;
    }
    const file =
      kept.blob instanceof File ? kept.blob : new File([kept.blob], name, { type: kept.blob.type });
    keptImage = { ...kept, blob: file };
    await get().setImageFile(file);
    const restored = get().image;
    if (restored?.originalFile === file && parentRunId) {
      set({ image: { ...restored, parentRunId } });
    }
  }

  /** Puts a saved draft in the form. */
  function applyDraft(draft: Draft): void {
    const { services } = get();
    const loras: LoraEntry[] = draft.loras.map((lora) => ({ ...lora, id: services.newId() }));
    const settings: Settings = { ...DEFAULT_SETTINGS, ...draft.settings };
    set({ prompt: draft.prompt, loras, settings });
  }

  return {
    saveRun: persist,
    isHistoryLoaded: false,
    hydrate: () => {
      hydration ??= Promise.all([loadHistory(), on.loadLibrary(), on.loadSweepSetup()]).then(
        () => undefined,
      );
      return hydration;
    },
    saveDraftImage: async () => {
      const save = get().services.history?.saveDraftImage;
      if (!save) return;
      const next = toDraftImage(get().image);
      if (isSameDraftImage(next, keptImage)) return;
      // Not while the kept image is being read back: it is not in the form yet.
      if (next === null && get().isPreparingImage) return;
      keptImage = next;
      try {
        await save(next);
      } catch (error) {
        reportSaveFailure(error);
      }
    },
    saveDraft: async () => {
      const { services, prompt, loras, settings } = get();
      if (!services.history) return;
      try {
        await services.history.saveDraft(toDraft({ prompt, loras, settings }));
      } catch (error) {
        reportSaveFailure(error);
      }
    },
  };
};

/**
 * Runs started before the history loaded (newest first) numbered above every loaded record, so
 * no two runs share a number; unchanged when they are above already (the usual case: none).
 */
function renumberAbove(
  runs: readonly Run[],
  loaded: readonly { serial?: number | null | undefined }[],
): Run[] {
  let next = highestSerial(loaded.map((record) => record.serial));
  const lowest = Math.min(...runs.flatMap((run) => (run.serial === null ? [] : [run.serial])));
  if (lowest > next) return [...runs];
  const numbers = new Map<string, number>();
  for (const run of [...runs].reverse()) if (run.serial !== null) numbers.set(run.id, ++next);
  return runs.map((run) =>
    numbers.has(run.id) ? { ...run, serial: numbers.get(run.id) ?? null } : run,
  );
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
