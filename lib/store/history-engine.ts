import type { StoreApi } from "zustand";
import { toAppError } from "@/lib/browser/errors";
import { newestFirst } from "@/lib/domain/run";
import type { RecipeRequest } from "@/lib/history/recipe-png";
import { fromHistoryRun } from "@/lib/history/run-record";
import type { HistoryRun } from "@/lib/history/types";
import { StorageFullError } from "@/lib/persist/idb";
import { historyAlert } from "./alerts";
import { coordinate } from "./coordination";
import type { ImportSummary } from "./outcomes";
import { runOf as selectRun } from "./selectors";
import type { HistorySlice, PlaygroundState } from "./state";
import type { CacheOutcome, Run } from "./types";

const STORAGE_SHORT =
  "Your browser's storage is short: older cached images were removed to make room. Their runs are kept, and those images show while their original URLs still work.";
/** On loading, images missing from the cache are fetched again for this many latest runs. */
export const RECACHE_RECENT_RUNS = 50;

const STORAGE_FULL =
  "Your browser's storage is full: new images could not be kept, so they show only while their URLs work. Delete some runs or free up disk space.";

/** Every image URL a run refers to: its input and its outputs (data URIs are not cached). */
export function runImageUrls(run: Pick<Run, "request" | "output">): string[] {
  const urls = [run.request.image_url, ...(run.output?.images.map((image) => image.url) ?? [])];
  return urls.filter((url) => url !== "" && !/^data:/i.test(url));
}

/** What the history engine does: the history slice's actions that need its code. */
export type HistoryEngine = Pick<
  HistorySlice,
  | "deleteRuns"
  | "clearHistory"
  | "undoDelete"
  | "forgetDeletion"
  | "importRuns"
  | "reuseSettings"
  | "remixRun"
  | "applyRecipe"
  | "cacheImage"
  | "cacheRunImages"
> & {
  /**
   * The rest of {@link HistorySlice.syncImageCache}, given the URLs the image cache holds (null
   * when they could not be read) and how full the browser's storage is (a percentage, when it is
   * short): says so, drops the cached images no run uses and caches the latest completed runs'
   * missing images.
   */
  syncImageCache: (cached: ReadonlySet<string> | null, percentFull: number | null) => Promise<void>;
};

/**
 * The history slice's work, loaded at the first call that needs it (`./history-slice` keeps the
 * state and thin actions that wait for this module): deleting runs (with undo), importing runs,
 * putting a run's or a recipe's settings back in the form, and keeping the image cache in step
 * with the history; each action does what `HistorySlice` (./state) says of it.
 */
export function createHistoryEngine(
  set: StoreApi<PlaygroundState>["setState"],
  get: StoreApi<PlaygroundState>["getState"],
): HistoryEngine {
  /** Cross-slice work goes through one place. */
  const on = coordinate(get);
  const runOf = (id: string): Run | undefined => selectRun(get(), id);

  function reportCache(outcome: CacheOutcome | null): void {
    if (!outcome || outcome.evicted.length === 0) return;
    const count = outcome.evicted.length;
    set({
      storageNotice: outcome.wasStorageFull
        ? STORAGE_SHORT
        : `The image cache is full: the ${count === 1 ? "oldest cached image was" : `${count} oldest cached images were`} removed to make room. Their runs are kept, and those images show while their original URLs still work.`,
    });
  }

  function reportCacheFailure(error: unknown): void {
    if (error instanceof StorageFullError) set({ storageNotice: STORAGE_FULL });
    else console.error("image cache:", error);
  }

  async function cacheImage(url: string, blob?: Blob): Promise<void> {
    const images = get().services.images;
    if (!images || url === "" || /^data:/i.test(url)) return;
    try {
      reportCache(blob ? await images.put(url, blob) : await images.keep(url));
    } catch (error) {
      reportCacheFailure(error);
    }
  }

  /** Every image URL a run or a sweep's cell (started or not) refers to. */
  function usedImageUrls(): Set<string> {
    const { runs, sweeps } = get();
    const cells = sweeps.flatMap((sweep) => sweep.cells.map((cell) => cell.request.image_url));
    return new Set([...runs.flatMap(runImageUrls), ...cells]);
  }

  /** Removes cached images no remaining run refers to. */
  async function removeUnusedImages(urls: readonly string[]): Promise<void> {
    const images = get().services.images;
    if (!images || urls.length === 0) return;
    const used = usedImageUrls();
    try {
      await images.remove(urls.filter((url) => !used.has(url)));
    } catch (error) {
      console.error("image cache:", error);
    }
  }

  function fillForm(request: RecipeRequest, seed: number | undefined, withSeed: boolean): void {
    set((state) => ({
      prompt: request.prompt,
      loras: request.loras.map((lora) => ({
        path: lora.path,
        scale: lora.scale,
        id: state.services.newId(),
        isEnabled: true,
      })),
      settings: {
        ...state.settings,
        num_inference_steps: request.num_inference_steps,
        guidance_scale: request.guidance_scale,
        num_images: request.num_images,
        output_format: request.output_format,
        acceleration: request.acceleration,
        resolution_mode: request.resolution_mode,
        enable_safety_checker: request.enable_safety_checker,
        sync_mode: request.sync_mode,
        ...(withSeed && seed !== undefined ? { seedMode: "fixed" as const, seed } : {}),
      },
      fieldErrors: {},
    }));
  }

  async function restoreInput(url: string, parentRunId: string | null): Promise<void> {
    const fallback = /^data:/i.test(url) ? null : await get().services.images?.get(url);
    await on.restoreImage(url, { fallback: fallback ?? null, parentRunId });
  }

  async function saveRecord(record: HistoryRun): Promise<void> {
    await get().services.history?.saveRun(record);
  }

  return {
    deleteRuns: async (runIds) => {
      const wanted = new Set(runIds);
      const deleted = get().runs.filter((run) => wanted.has(run.id) && run.finishedAt !== null);
      if (deleted.length === 0) return 0;
      // The previous deletion becomes final: only the last one can be undone.
      await get().forgetDeletion();
      const gone = new Set(deleted.map((run) => run.id));
      set((state) => ({
        runs: state.runs.filter((run) => !gone.has(run.id)),
        deletion: { runs: deleted },
        selectedRunIds: state.selectedRunIds.filter((id) => !gone.has(id)),
        alert: state.alert?.runId && gone.has(state.alert.runId) ? null : state.alert,
      }));
      const history = get().services.history;
      if (history) {
        try {
          for (const run of deleted) await history.deleteRun(run.id);
        } catch (error) {
          set({
            alert: historyAlert(
              `Deleted runs could not be removed from the browser's storage: ${toAppError(error).message}`,
            ),
          });
        }
      }
      return deleted.length;
    },
    clearHistory: () => {
      // A batch's runs are its results: they go with the batch (Delete on its card), not here.
      const inBatches = new Set(
        get().batches.flatMap((batch) => batch.items.map((item) => item.runId)),
      );
      return get().deleteRuns(
        get()
          .runs.filter((run) => run.finishedAt !== null && !inBatches.has(run.id))
          .map((run) => run.id),
      );
    },
    undoDelete: async () => {
      const { deletion } = get();
      if (!deletion) return;
      const present = new Set(get().runs.map((run) => run.id));
      const back = deletion.runs.filter((run) => !present.has(run.id));
      set((state) => ({ deletion: null, runs: newestFirst([...state.runs, ...back]) }));
      for (const run of back) on.runChanged(run.id);
    },
    forgetDeletion: async () => {
      const { deletion } = get();
      if (!deletion) return;
      set({ deletion: null });
      await removeUnusedImages(deletion.runs.flatMap(runImageUrls));
    },
    importRuns: async (imported) => {
      await on.loaded();
      const present = new Set(get().runs.map((run) => run.id));
      const summary: ImportSummary = { added: 0, skipped: 0, unfinished: 0 };
      // Oldest first, so imported runs are numbered in the order they were made.
      const oldestFirst = [...imported].sort((a, b) => a.run.createdAt - b.run.createdAt);
      for (const { run: record, images } of oldestFirst) {
        if (present.has(record.id)) {
          summary.skipped += 1;
          continue;
        }
        if (record.status === "queued" || record.status === "running") {
          summary.unfinished += 1;
          continue;
        }
        // An imported run takes the next number here (its number elsewhere means nothing);
        // a sweep's cell (serial null) takes none.
        const numbered = {
          ...record,
          serial: record.serial === null ? null : get().nextRunSerial(),
        };
        await saveRecord(numbered);
        present.add(record.id);
        summary.added += 1;
        // In the store before its images are cached: cached images no run refers to are pruned.
        set((state) => ({ runs: newestFirst([...state.runs, fromHistoryRun(numbered)]) }));
        for (const image of images) {
          if (image.url === "" || /^data:/i.test(image.url)) continue;
          const blob = new Blob([image.bytes as Uint8Array<ArrayBuffer>], {
            type: image.contentType,
          });
          await cacheImage(image.url, blob);
        }
      }
      return summary;
    },
    reuseSettings: async (runId, options = {}) => {
      const run = runOf(runId);
      if (!run) return;
      fillForm(run.request, run.output?.seed ?? run.request.seed, options.withSeed === true);
    },
    remixRun: async (runId, options = {}) => {
      const run = runOf(runId);
      if (!run) return;
      fillForm(run.request, run.output?.seed ?? run.request.seed, options.withSeed === true);
      if (run.request.image_url) await restoreInput(run.request.image_url, run.parentId);
    },
    applyRecipe: async ({ request, seed }) => {
      fillForm(request, seed ?? request.seed, true);
      if (request.image_url) await restoreInput(request.image_url, null);
    },
    cacheImage,
    cacheRunImages: async (runId) => {
      const run = runOf(runId);
      if (!run?.output) return;
      for (const image of run.output.images) await cacheImage(image.url);
    },
    syncImageCache: async (cached, percentFull) => {
      if (percentFull !== null) {
        set({
          storageNotice: `Your browser's storage for this site is ${percentFull}% full. New images may not be kept and older cached images will be removed first (runs are always kept). Export and delete old runs to make room.`,
        });
      }
      if (!get().services.images || cached === null) return;
      const used = usedImageUrls();
      await removeUnusedImages([...cached].filter((url) => !used.has(url)));
      // Only the latest runs: older images whose copy is missing have most likely expired, and
      // fetching them again on every load would only cost time.
      const recent = get()
        .runs.filter((run) => run.phase === "completed")
        .slice(0, RECACHE_RECENT_RUNS);
      for (const run of recent) {
        for (const url of runImageUrls(run)) {
          if (!cached.has(url)) await cacheImage(url);
        }
      }
    },
  };
}
