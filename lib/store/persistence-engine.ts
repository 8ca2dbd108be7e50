import type { StoreApi } from "zustand";
import type { BatchRecord } from "@/lib/batch/record";
import { toAppError } from "@/lib/browser/errors";
import { errorMessage } from "@/lib/domain/app-error";
import { isSameDraftImage, toDraft, toDraftImage } from "@/lib/domain/draft";
import type { Draft, DraftImage } from "@/lib/domain/form";
import { type LoraEntry, newestFirst, type Run } from "@/lib/domain/run";
import { assignMissingSerials, highestSerial } from "@/lib/domain/run-serial";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/domain/settings";
import { fromHistoryRun, toHistoryRun } from "@/lib/history/run-record";
import type { HistoryRun } from "@/lib/history/types";
import { StorageFullError } from "@/lib/persist/idb";
import type { SweepRecord } from "@/lib/sweep/record";
import { historyAlert } from "./alerts";
import { coordinate } from "./coordination";
import type { PlaygroundState } from "./state";

/** The startup's reads of the history, which the slice starts while this code loads. */
export interface HistoryReads {
  /** The newest saved runs, read before the others; null when the history cannot list them. */
  newest: Promise<HistoryRun[]> | null;
  /** The draft, every saved run, the sweeps, the kept input image and the batches. */
  saved: Promise<[Draft | null, HistoryRun[], SweepRecord[], DraftImage | null, BatchRecord[]]>;
}

/**
 * The persistence slice's work, loaded by the startup's `hydrate` or the first save before it
 * (`./persistence-slice` keeps the state and thin actions that wait for this module): restoring
 * the history, the draft and its input image, saving runs and the draft, and reporting what
 * could not be saved. Its closure holds what only it uses (each run's chain of saves, the kept
 * input image).
 */
export function createPersistenceEngine(
  set: StoreApi<PlaygroundState>["setState"],
  get: StoreApi<PlaygroundState>["getState"],
) {
  /** Cross-slice work goes through one place. */
  const on = coordinate(get);
  /** Each run's last save, so saves of one run are written in order. */
  const saving = new Map<string, Promise<void>>();
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
   * Saves the record of `run` as it was when the slice was asked to (the slice checks it has a
   * request id). Saves of one run are chained, so the last one written is the latest.
   */
  function saveRun(run: Run): void {
    const history = get().services.history;
    if (!history) return;
    const record = toHistoryRun(run);
    const previous = saving.get(run.id) ?? Promise.resolve();
    const next = previous
      .then(() => history.saveRun(record))
      .catch(reportSaveFailure)
      .finally(() => {
        if (saving.get(run.id) === next) saving.delete(run.id);
      });
    saving.set(run.id, next);
  }

  /**
   * Shows the newest finished runs (numbered ones: no sweep cells) before the whole history is
   * read. Returns the runs it put in the store, by id, as put there. Never rejects.
   */
  async function showNewestRuns(read: HistoryReads["newest"]): Promise<Map<string, Run>> {
    const shown = new Map<string, Run>();
    if (!read) return shown;
    let records: HistoryRun[];
    try {
      records = await read;
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

  async function restoreHistory(reads: HistoryReads): Promise<void> {
    try {
      // Runs shown first (possibly changed or deleted since) stay as they are in the store.
      const shownFirst = await showNewestRuns(reads.newest);
      const [draft, saved, sweeps, draftImage, batches] = await reads.saved;
      if (draft) applyDraft(draft);
      if (draftImage) void restoreDraftImage(draftImage);
      // An image chosen while the history loaded is kept at once (it changed before autosave).
      else if (get().image) void saveDraftImage();
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
      for (const id of [...numbered.changed, ...early]) get().saveRun(id);
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

  async function saveDraftImage(): Promise<void> {
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
  }

  async function saveDraft(): Promise<void> {
    const { services, prompt, loras, settings } = get();
    if (!services.history) return;
    try {
      await services.history.saveDraft(toDraft({ prompt, loras, settings }));
    } catch (error) {
      reportSaveFailure(error);
    }
  }

  return { saveRun, restoreHistory, saveDraftImage, saveDraft };
}

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
