import type { StoreApi } from "zustand/vanilla";
import type { BatchCost } from "@/lib/batch/cost";
import type { PendingBatchInput } from "@/lib/batch/intake";
import type { BatchRecord } from "@/lib/batch/record";
import type { RecipeRequest } from "@/lib/history/recipe-png";
import type { ImportedRun } from "@/lib/history/zip";
import type { KontextImage, KontextRequest } from "@/lib/kontext/schema";
import type { LoraPreview, UserLora } from "@/lib/library/types";
import type { UserLoraInput } from "@/lib/library/validation";
import type { SweepRecord } from "@/lib/sweep/record";
import type { RunAlert } from "./alerts";
import type {
  AxisInput,
  Deletion,
  DownloadFile,
  ImportLibraryResult,
  ImportSummary,
  LibraryNotice,
  PinPreviewResult,
  SaveUserLoraResult,
  SweepImageEntry,
  TransferNotice,
} from "./outcomes";
import type { InputImage, LoraEntry, PlaygroundServices, Run, Settings } from "./types";

export interface InputSlice {
  image: InputImage | null;
  /** Why the last image could not be used (the previous image, if any, is kept). */
  imageError: string | null;
  /**
   * Where `imageError` belongs: `"url"` when the URL typed in the Image URL field could not be
   * used (the error sits at that field), else `"image"` (a file, a paste, a remix's input).
   */
  imageErrorField: "image" | "url";
  /** A file or URL is being read; only the newest read may replace `image`. */
  isPreparingImage: boolean;
  /** Downscale very large photos in the browser before upload (on by default). */
  shouldDownscale: boolean;
  prompt: string;
  /**
   * Reads a chosen file (checks, size, optional downscale) and makes it the image. A newer
   * `setImageFile`/`setImageUrl`/`useResultAsInput`/`clearImage` wins over a read in progress,
   * whose result is then dropped.
   */
  setImageFile: (file: File) => Promise<void>;
  /**
   * Uses the image at an http(s) URL after reading its size. A `data:` URI is turned into a
   * file and read by {@link InputSlice.setImageFile} (checked, downscaled, uploaded — never
   * inlined in a request); a malformed one sets `imageError`.
   */
  setImageUrl: (url: string) => Promise<void>;
  /**
   * Edits a result further: it becomes the input image (and cancels a read in progress). With
   * `source`, runs launched with it record that run as their parent (lineage). At once when the
   * input engine is loaded (`loadInputEngine`); before, it is read like an image, which a newer
   * image or `clearImage` supersedes.
   */
  useResultAsInput: (image: KontextImage, source?: { runId: string }) => void;
  /** Removes the image and cancels a read in progress. */
  clearImage: () => void;
  /**
   * Puts a past run's input image back: the URL when it still loads, else the cached copy
   * `fallback` (uploaded again), else an image error saying it is gone. Data URIs are decoded.
   */
  restoreImage: (
    url: string,
    options?: { fallback?: Blob | null; parentRunId?: string | null; name?: string },
  ) => Promise<void>;
  /**
   * Turns downscaling on or off and prepares the chosen file again with the new setting (the
   * current image's `originalFile`, or the file still being read). Resolves once it is read.
   */
  setShouldDownscale: (value: boolean) => Promise<void>;
  /**
   * Loads the code that puts images in the form (the input engine; the first image action loads it
   * too), once; resolves when it is here, rejects when it cannot be loaded (the next call tries
   * again). The image panel calls it when the browser is idle, so the first image does not wait
   * for it.
   */
  loadInputEngine: () => Promise<void>;
  setPrompt: (prompt: string) => void;
}

export interface LoraSlice {
  loras: LoraEntry[];
  /** Adds a LoRA at the end (empty path, scale 1 unless given). Returns its id. */
  addLora: (init?: { path?: string; scale?: number }) => string;
  updateLora: (id: string, patch: Partial<Pick<LoraEntry, "path" | "scale">>) => void;
  removeLora: (id: string) => void;
  /** Moves a LoRA one place up (-1) or down (+1). */
  moveLora: (id: string, offset: -1 | 1) => void;
  duplicateLora: (id: string) => void;
  toggleLora: (id: string) => void;
  /**
   * Adds a LoRA of the library or the Hub (`name`, with its trigger): a new row at `scale`, and
   * its trigger in the prompt when `withTrigger` (whatever the prompt holds), unless the prompt
   * has it already. Says what it did in `loraNotice`, with an undo when the prompt changed.
   * Returns the new row's id at once; the prompt and the notice follow once the trigger's code
   * (`./lora-engine`) has loaded, and the notice says so when it cannot load.
   */
  addLibraryLora: (
    lora: { path: string; scale: number; name: string; trigger: string },
    withTrigger: boolean,
  ) => string;
  /** What the last library add did, or null. */
  loraNotice: LoraNotice | null;
  /** Puts back the prompt the last library add changed (when it was not edited since). */
  undoLoraTrigger: () => void;
  dismissLoraNotice: () => void;
}

/** What adding a LoRA from the library did, for the stack to say (and undo). */
export interface LoraNotice {
  /** The row that was added. */
  loraId: string;
  message: string;
  /** The prompt before and after the trigger was added; null when it was left alone. */
  undo: { before: string; after: string } | null;
}

export interface SettingsSlice {
  settings: Settings;
  /** The seed of the last finished run, for "reuse the last seed". */
  lastSeed: number | null;
  setSetting: <K extends keyof Settings>(key: K, value: Settings[K]) => void;
  resetSetting: (key: keyof Settings) => void;
  resetSettings: () => void;
  /** Fixes the seed to the last run's. */
  reuseLastSeed: () => void;
}

export interface RunsSlice {
  /** Newest first. */
  runs: Run[];
  /** Field errors from our checks or a 422: `prompt`, `num_images`, `lora:<id>:path` … */
  fieldErrors: Record<string, string>;
  /** The one failure that is not a field error, with the run it came from. */
  alert: RunAlert | null;
  /**
   * Checks the form and starts a run; returns its id, or null when the form has errors (also
   * while an image is still being read: `fieldErrors.image_url` says to wait). Never throws: an
   * unexpected failure becomes the alert.
   */
  startRun: () => Promise<string | null>;
  /**
   * Cancels a run: at once while it uploads; once the server accepts the cancel when it is queued
   * or running (the run is marked cancelled then, its client calls are aborted, and a result that
   * still arrives is ignored). When the request had already finished (`ALREADY_COMPLETED` /
   * `NOT_FOUND`) the run keeps its real outcome; any other failure sets a `cancel` alert. Either
   * way `isCancelRequested` is reset, so later failures are reported.
   */
  cancelRun: (runId: string) => Promise<void>;
  /**
   * Runs a finished run's exact request again, uploading its image again when the first upload
   * failed. Returns the new run's id, or null when the run is unknown, active or has no image.
   */
  retryRun: (runId: string) => Promise<string | null>;
  dismissAlert: () => void;
  /** Follows a restored run that was queued or running when the page closed to its end. */
  resumeRun: (runId: string, requestId: string) => Promise<void>;
  /**
   * Loads the code that starts and follows runs (the runs engine, with the form's check), once;
   * resolves when it is here, rejects when it cannot be loaded (the next call tries again). The
   * generate bar calls it when the browser is idle, so the first Generate does not wait for it;
   * the sweep and batch engines load after it, since they start runs with `launchRun`.
   */
  loadRunEngine: () => Promise<void>;
  /**
   * Takes the next loose run's number (one above any a run has had this session); for runs
   * that come from elsewhere (imports).
   */
  nextRunSerial: () => number;
  /**
   * Starts a run of an exact request whose image is uploaded already (a sweep's cell, a batch's
   * item), with the input thumbnail it shares; returns its id. It takes no run number (sweep
   * cells and batch items have none). Only once `loadRunEngine` has resolved: it throws before.
   */
  launchRun: (spec: {
    request: KontextRequest;
    inputThumbnail: string | null;
    parentId: string | null;
    size: Run["predictedSize"];
  }) => string;
}

/** Which run the workspace's stage shows (see `selectStageRunId`). */
export interface StageSlice {
  /** The run last picked from the history, and when (the store's clock, ms). */
  stagedRun: { runId: string; at: number } | null;
  /** Shows a run on the stage until a newer run starts. */
  stageRun: (runId: string) => void;
}

/** Saving runs and the form draft, and loading them back when the page opens. */
export interface PersistenceSlice {
  /**
   * Saves a run's record now (once it has a request id; saves of one run are written in order).
   * Failures are reported in the alert.
   */
  saveRun: (runId: string) => void;
  /**
   * Loads the saved draft into the form (its input image too, unless the form has one by then)
   * and the saved runs into `runs` (after any run already there), then resumes every saved run that was queued or running; loads the LoRA library
   * alongside. Runs once per store (later calls return the first call's promise); never throws:
   * a failure becomes the alert (the library's, its notice). When the code that restores the
   * history could not be loaded, that is the alert, and the next call reads the history again.
   */
  hydrate: () => Promise<void>;
  /** Whether {@link PersistenceSlice.hydrate} has finished (the draft is saved only after that). */
  isHistoryLoaded: boolean;
  /** Saves the form draft now (the store calls it, debounced, when the form changes). */
  saveDraft: () => Promise<void>;
  /**
   * Keeps the form's input image in the browser (its bytes, or its URL), or deletes the kept copy
   * when the form has none; does nothing when what is kept is the same. The store calls it when
   * the image changes. Failures are reported in the alert.
   */
  saveDraftImage: () => Promise<void>;
}

export interface HistorySlice {
  /** Something the person should know about the browser's storage (images evicted, not kept). */
  storageNotice: string | null;
  dismissStorageNotice: () => void;
  /** The last deletion, until it is undone or forgotten. */
  deletion: Deletion | null;
  /** Runs chosen for export, in the order they were chosen (not saved). */
  selectedRunIds: string[];
  /** Chooses a run for export, or unchooses it. */
  toggleRunSelected: (runId: string) => void;
  /** Chooses exactly these runs (none: clears the choice). */
  selectRuns: (runIds: readonly string[]) => void;
  /** Stars or unstars a run (saved with the history). */
  toggleFavourite: (runId: string) => void;
  /**
   * Deletes finished runs from the history (runs still in flight are left alone) and returns how
   * many were deleted. They can be brought back with {@link HistorySlice.undoDelete} until the
   * next deletion or {@link HistorySlice.forgetDeletion}; their cached images go only then.
   */
  deleteRuns: (runIds: readonly string[]) => Promise<number>;
  /**
   * Deletes every finished run (see {@link HistorySlice.deleteRuns}) but sweeps' runs: a sweep is
   * deleted from its own card.
   */
  clearHistory: () => Promise<number>;
  /** Brings back the last deleted runs. */
  undoDelete: () => Promise<void>;
  /** Makes the last deletion final: the deleted runs' cached images are removed. */
  forgetDeletion: () => Promise<void>;
  /**
   * Adds imported runs to the history (and their images to the cache). Runs already present and
   * runs that had not finished are skipped. Throws when a run could not be saved (nothing of it
   * is shown then); the runs saved before stay.
   */
  importRuns: (imported: readonly ImportedRun[]) => Promise<ImportSummary>;
  /** Puts a run's prompt, LoRAs and settings back in the form (its seed when `withSeed`). */
  reuseSettings: (runId: string, options?: { withSeed?: boolean }) => Promise<void>;
  /**
   * Remix: everything of a run back in the form — its input image (from its URL, else the cached
   * copy), prompt, LoRAs and settings, and its seed when `withSeed`.
   */
  remixRun: (runId: string, options?: { withSeed?: boolean }) => Promise<void>;
  /**
   * Puts a recipe (from a dropped PNG or sidecar JSON) in the form: its prompt, LoRAs, settings,
   * its seed (`seed`, else the request's), and its input image when it names one.
   */
  applyRecipe: (recipe: { request: RecipeRequest; seed?: number }) => Promise<void>;
  /**
   * Caches an image (fetching it when no blob is given) so it outlives its URL; evictions and a
   * full storage are reported in {@link HistorySlice.storageNotice}. Never rejects.
   */
  cacheImage: (url: string, blob?: Blob) => Promise<void>;
  /** Caches a completed run's output images. Never rejects. */
  cacheRunImages: (runId: string) => Promise<void>;
  /**
   * After the history is loaded: caches the images of the latest completed runs not cached yet
   * (while their URLs still work) and removes cached images no run refers to. Never rejects.
   */
  syncImageCache: () => Promise<void>;
}

export interface TransferSlice {
  transferNotice: TransferNotice | null;
  dismissTransferNotice: () => void;
  /**
   * Opens a file dropped on or chosen in the app: an export zip is imported into the history; a
   * run's JSON sidecar or a PNG carrying settings puts them in the form; an exported LoRA library
   * is imported into the library; any other image becomes the input image. A corrupt or foreign
   * zip, JSON or PNG changes nothing and says why.
   */
  openFile: (file: File) => Promise<void>;
  /**
   * Opens a shared link's recipe (the `r` token) in the form: a run's input image, prompt, LoRAs,
   * settings and seed; for a sweep, its first cell's (the notice names its axes). A broken link
   * changes nothing and says why.
   */
  openSharedRecipe: (token: string) => Promise<void>;
  /**
   * The zip of runs (finished ones; others are left out) with their images — from the cache,
   * else fetched, else listed without a file — and a JSON sidecar each. Null when none of the
   * runs is finished. Never rejects: failures become the notice (and null).
   */
  exportRuns: (
    runIds: readonly string[],
    options?: { sweepIds?: readonly string[] },
  ) => Promise<DownloadFile | null>;
  /**
   * One output image's bytes ready to save (from the cache, else fetched); a PNG carries its
   * run's settings. Null when it cannot be had.
   */
  resultBlob: (runId: string, index: number) => Promise<Blob | null>;
}

export interface SweepSlice {
  /** Newest first. */
  sweeps: SweepRecord[];
  /** The sweep form's axes as typed (columns, then rows). */
  sweepForm: AxisInput[];
  setSweepForm: (axes: AxisInput[]) => void;
  /** The seed the next sweep holds (unless the form fixes one); random until chosen. */
  sweepFormSeed: number;
  /** How many cells of the next sweep run at once (1–8). */
  sweepFormConcurrency: number;
  setSweepFormOptions: (options: { seed?: number; concurrency?: number }) => void;
  /** Whether the saved sweep setup has been read (see {@link SweepSlice.loadSweepSetup}). */
  isSweepSetupLoaded: boolean;
  /**
   * Puts the saved sweep setup (axes, seed, concurrency) in the Sweep panel (the store's
   * `hydrate` calls it). Never throws: a failure becomes the alert.
   */
  loadSweepSetup: () => Promise<void>;
  /**
   * Starts a sweep: uploads the image once, saves the sweep, then runs its cells `concurrency`
   * at a time. Returns its id, or null when the plan fails (the message is in `sweepError`).
   */
  startSweep: (
    axes: readonly AxisInput[],
    options: { concurrency: number; seed: number },
  ) => Promise<string | null>;
  /** Why the last sweep could not start; null once one starts. */
  sweepError: string | null;
  /** The images of `image` axes that have been read, by their id (see `SweepImageChoice`). */
  sweepImageFiles: Record<string, SweepImageEntry>;
  /** Images of `image` axes being read (their ids). */
  readingSweepImages: string[];
  /**
   * Adds files to the `image` axis at `axisIndex`: each is read (checked, downscaled as the
   * form's image is), kept in the browser and added in order. Files that cannot be read are
   * left out and named in `sweepImageError`.
   */
  addSweepImages: (axisIndex: number, files: readonly File[]) => Promise<void>;
  /** Removes an image from the `image` axis at `axisIndex` (the current input image too). */
  removeSweepImage: (axisIndex: number, id: string) => Promise<void>;
  /** Why images could not be added to (or restored in) an image axis; null when all went well. */
  sweepImageError: string | null;
  /**
   * Reads every file of the sweep's image axes again (from the sweep image store) with the
   * current downscale setting. The store calls it when the setting changes and after loading.
   */
  readSweepImages: () => Promise<void>;
  /** Cancels a sweep's cells: pending ones never start, running ones are cancelled. */
  cancelSweep: (sweepId: string) => Promise<void>;
  /** Runs a sweep's failed cells again (their failed runs are replaced). */
  retryFailedCells: (sweepId: string) => Promise<void>;
  /** Changes how many of a sweep's cells run at once (1–8). */
  setSweepConcurrency: (sweepId: string, concurrency: number) => Promise<void>;
  /** Deletes a finished sweep and its runs from the history. */
  deleteSweep: (sweepId: string) => Promise<void>;
  /**
   * Starts pending cells of every sweep while they have free slots (called as runs finish). Never
   * rejects: when the sweep code cannot be loaded, the alert says so.
   */
  pumpSweeps: () => Promise<void>;
  /**
   * Puts saved sweeps in the store (while hydrating, once the saved runs are in): a started cell
   * whose run was never saved (the page closed before it was queued) is pending again.
   */
  restoreSweeps: (records: readonly SweepRecord[]) => void;
  /**
   * Adds imported sweeps (their runs imported already) and saves them; cells that had not run
   * are marked cancelled, so nothing starts (or costs) on import. Returns how many were added.
   */
  importSweeps: (records: readonly SweepRecord[]) => Promise<number>;
}

/** Where a batch's recipe comes from: the form, or a run of the history. */
export type BatchRecipeSource = { kind: "form" } | { kind: "run"; runId: string };

/** The outcome of {@link BatchSlice.startBatch}. */
export type StartBatchResult =
  | { ok: true }
  | { ok: false; reason: "unknown" | "started" }
  /** The batch code could not be loaded (said in `batchError`). */
  | { ok: false; reason: "not-loaded" }
  | { ok: false; reason: "over-budget"; cost: BatchCost };

/**
 * The batches. Actions that work on them wait for the batch runner's code (loaded at the first
 * one), in the order they were called.
 */
export interface BatchSlice {
  /** Newest first. */
  batches: BatchRecord[];
  /** Inputs gathered for the next batch, in the order they were added. */
  batchInputs: PendingBatchInput[];
  /** Inputs left out of the next batch, each `name: reason` or `Line 4: reason`. */
  batchProblems: string[];
  /** Inputs are being read (screened, decoded, probed). */
  isReadingBatchInputs: boolean;
  /** Why the last batch action failed; null once one succeeds. */
  batchError: string | null;
  /**
   * Adds dropped or chosen files to the next batch: images (screened by their bytes, de-duplicated,
   * downscaled like single uploads), zips of images, and URL lists or CSVs (`.csv`, `.txt`), whose
   * `file` column may name files dropped with them. What is left out goes to `batchProblems`.
   */
  addBatchFiles: (files: readonly File[]) => Promise<void>;
  /** Adds a pasted URL list or CSV to the next batch (URLs are probed for their size). */
  addBatchList: (text: string) => Promise<void>;
  removeBatchInput: (key: string) => void;
  /** Empties the next batch's inputs and problems. */
  clearBatchInputs: () => void;
  /**
   * Creates a batch of the gathered inputs with a recipe from the form or a history run: checks
   * the recipe, keeps the input files in the browser, saves the batch (not started) and empties
   * the gathered inputs. Returns its id, or null (the reason in `batchError`).
   */
  createBatch: (options: {
    source?: BatchRecipeSource;
    seedMode: "fixed" | "per-image";
    /** How many run at once (1–8); 2 unless given. */
    concurrency?: number;
    /** US dollars above which starting asks for a confirmation; $5 unless given, null: none. */
    budgetUsd?: number | null;
  }) => Promise<string | null>;
  /**
   * Starts a created batch. Above its budget it does not start unless `isOverBudgetConfirmed`
   * (the answer carries the cost to confirm).
   */
  startBatch: (
    batchId: string,
    options?: { isOverBudgetConfirmed?: boolean },
  ) => Promise<StartBatchResult>;
  pauseBatch: (batchId: string) => Promise<void>;
  resumeBatch: (batchId: string) => Promise<void>;
  /** Cancels every item not finished: queued ones at once, running ones through their runs. */
  cancelBatch: (batchId: string) => Promise<void>;
  /** Queues the failed items again (their failed runs are dropped). */
  retryFailedBatchItems: (batchId: string) => Promise<void>;
  moveBatchItemToFront: (batchId: string, itemId: string) => Promise<void>;
  setBatchConcurrency: (batchId: string, concurrency: number) => Promise<void>;
  /** Marks a done item's result kept or rejected (null clears the mark). */
  reviewBatchItem: (
    batchId: string,
    itemId: string,
    review: "kept" | "rejected" | null,
  ) => Promise<void>;
  /** Runs the rejected items again, each with a new seed (their rejected runs are dropped). */
  rerunRejected: (batchId: string) => Promise<void>;
  /** Deletes a batch with no item in flight, its runs, and inputs no other batch needs. */
  deleteBatch: (batchId: string) => Promise<void>;
  /** The batch as an export zip (see `exportBatchZip`); null when it cannot be made (see `batchError`). */
  exportBatch: (batchId: string, options?: { keptOnly?: boolean }) => Promise<DownloadFile | null>;
  /**
   * Starts what can start in every started batch (called as runs finish and on load); with none
   * in flight it returns at once.
   */
  pumpBatches: () => Promise<void>;
  /**
   * A run changed or ended: the batch item it belongs to follows (when its batch is not in
   * flight, it returns at once).
   */
  syncBatchRun: (runId: string) => Promise<void>;
  /**
   * Puts saved batches in the store while hydrating (once the saved runs are in): at once as
   * saved; those in flight are then brought in line with their runs (interrupted items queued
   * again, ended runs followed) once the runner is loaded.
   */
  restoreBatches: (records: readonly BatchRecord[]) => Promise<void>;
  /** Adds imported batches (their runs imported already); nothing of them runs. Returns how many. */
  importBatches: (records: readonly BatchRecord[]) => Promise<number>;
}

export interface LibrarySlice {
  /** LoRAs the person saved, oldest first. */
  userLoras: UserLora[];
  /** Pinned previews by LoRA path (of curated and saved LoRAs). */
  previews: Record<string, LoraPreview>;
  /** Whether the saved library has been read (see {@link LibrarySlice.loadLibrary}). */
  isLibraryLoaded: boolean;
  libraryNotice: LibraryNotice | null;
  dismissLibraryNotice: () => void;
  /**
   * Reads the saved library (the store's `hydrate` calls it). Runs once per store; never throws:
   * a failure becomes the notice. LoRAs saved before it finished are kept.
   */
  loadLibrary: () => Promise<void>;
  /**
   * Checks and saves a LoRA: a new one, or the saved one `id` (its preview follows a new path).
   * Refuses, at the field, a path that is already in the library (saved or curated). Nothing
   * changes when the check or the write fails.
   */
  saveUserLora: (input: UserLoraInput, id?: string) => Promise<SaveUserLoraResult>;
  /** Deletes a saved LoRA and its preview; false when it could not be deleted (see the notice). */
  deleteUserLora: (id: string) => Promise<boolean>;
  /**
   * Imports an exported library (JSON text; `source` names the file in messages): merges it by
   * path (see `mergeLibrary`) and says what it added and updated. A foreign, newer or damaged
   * file changes nothing and the notice says why.
   */
  importLibrary: (text: string, source?: string) => Promise<ImportLibraryResult>;
  /**
   * The saved LoRAs and previews as a JSON file to download; null when the library's code could
   * not be loaded (the notice says so).
   */
  exportLibrary: () => Promise<DownloadFile | null>;
  /**
   * Pins output image `imageIndex` of run `runId` as the preview of the LoRA at `loraPath`, one
   * of the LoRAs the run was sent with. The thumbnail is made from the cached copy when there is
   * one, else from the URL. A LoRA in neither list is saved to the library as well (named after
   * its file, at the run's scale). Never rejects.
   */
  pinPreview: (runId: string, imageIndex: number, loraPath: string) => Promise<PinPreviewResult>;
  /**
   * Makes the preview of the LoRA at `path` from a model card's image: `source` is what the
   * thumbnail is read from (the server's image route), `sourceUrl` the image on the Hub, kept
   * with it. Replaces a preview already there. Never rejects.
   */
  pinCardPreview: (
    path: string,
    source: string,
    sourceUrl: string,
  ) => Promise<{ ok: true } | { ok: false; message: string }>;
  /** Removes the preview of the LoRA at `path`. */
  unpinPreview: (path: string) => Promise<void>;
}

/**
 * The playground's one store: input, LoRAs, settings, runs, their history and its import/export,
 * and the LoRA library.
 */
export type PlaygroundState = InputSlice &
  LoraSlice &
  SettingsSlice &
  RunsSlice &
  StageSlice &
  PersistenceSlice &
  HistorySlice &
  TransferSlice &
  SweepSlice &
  BatchSlice &
  LibrarySlice & {
    /** Side effects (fal, files, clock), injected so tests can pass fakes. */
    services: PlaygroundServices;
    /** What the server runs edits on, as the page was told; recorded with every saved run. */
    backend: "fal" | "local";
  };

export type PlaygroundStore = StoreApi<PlaygroundState>;
