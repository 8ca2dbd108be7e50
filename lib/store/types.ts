import type { InputStore } from "@/lib/batch/input-store";
import type { BatchRecord } from "@/lib/batch/record";
import type { Draft, DraftImage } from "@/lib/domain/form";
import type { RunUpdate } from "@/lib/domain/run";
import type { HistoryRun } from "@/lib/history/types";
import type { Size } from "@/lib/kontext/resolution";
import type { KontextImage, KontextOutput, KontextRequest } from "@/lib/kontext/schema";
import type { LibraryChange, LibraryContents } from "@/lib/library/types";
import type { SweepImageStore } from "@/lib/sweep/image-store";
import type { SweepRecord } from "@/lib/sweep/record";
import type { SweepSetup } from "@/lib/sweep/setup";

/**
 * The outside world the store talks to; tests pass fakes. Calls that take a `signal` reject with
 * an `AbortError` soon after it aborts (the store aborts a run's signal when it is cancelled).
 */
export interface PlaygroundServices {
  /** Uploads a file to storage and returns its URL. */
  upload: (file: Blob, signal?: AbortSignal) => Promise<string>;
  /** Queues a request and returns its request id. */
  submit: (input: KontextRequest) => Promise<string>;
  /** Follows a request until it completes, calling `onUpdate` along the way. */
  watch: (
    requestId: string,
    onUpdate: (update: RunUpdate) => void,
    signal?: AbortSignal,
  ) => Promise<void>;
  /** The checked output of a completed request; throws when the server sent something unusable. */
  result: (requestId: string, signal?: AbortSignal) => Promise<KontextOutput>;
  /**
   * Asks the server to cancel a request. Throws fal's errors as they are: a finished or unknown
   * request answers 400 `ALREADY_COMPLETED` / 404 `NOT_FOUND` (see `isNothingToCancel`).
   */
  cancel: (requestId: string) => Promise<void>;
  /** Reads a chosen file: checks, EXIF-oriented size, optional downscale. Throws Error with a reason. */
  prepareFile: (file: File, options: { downscale: boolean }) => Promise<PreparedFile>;
  /**
   * Reads the size of an image at a URL, refusing SVG and 0×0 images and giving up after 20 s.
   * Throws Error with a reason.
   */
  probeUrl: (url: string) => Promise<Size>;
  /** Makes and revokes object URLs for previews. */
  createObjectUrl: (blob: Blob) => string;
  revokeObjectUrl: (url: string) => void;
  /**
   * A small JPEG data URL of an image (a Blob, or a URL to fetch), for run cards and history.
   * Resolves null when it cannot be made; never rejects. None means no thumbnails.
   */
  makeThumbnail?: (source: Blob | string) => Promise<string | null>;
  now: () => number;
  newId: () => string;
  /** Where runs and the form draft are kept across reloads; none means nothing is kept. */
  history?: HistoryService;
  /** Where output (and input) images are cached so they outlive their URLs; none means no cache. */
  images?: ImageStore;
  /** Where saved LoRAs and pinned previews are kept; none means the library lives in memory. */
  library?: LibraryService;
  /** Where batch inputs are kept across reloads; none means they live in memory only. */
  batchInputs?: InputStore;
  /** Where the images of a sweep's image axis are kept across reloads; none: memory only. */
  sweepImages?: SweepImageStore;
}

/**
 * The browser's LoRA library: saved LoRAs and pinned previews. Writes are all or nothing and
 * reject with a `StorageFullError` when the browser's storage is full (or any other error).
 */
export interface LibraryService {
  /** Every readable saved LoRA (oldest first) and preview. */
  load: () => Promise<LibraryContents>;
  /** Writes a change at once: every put and delete happens, or none. */
  write: (change: LibraryChange) => Promise<void>;
}

/**
 * The browser's history of runs and the form draft. Saves reject with a `StorageFullError` when
 * the browser's storage is full (or any other error); the store reports them in the alert.
 */
export interface HistoryService {
  saveRun: (run: HistoryRun) => Promise<void>;
  /** Every saved run, newest first. */
  loadRuns: () => Promise<HistoryRun[]>;
  /**
   * Up to `count` of the newest saved runs, newest first, read without reading every run (a hint:
   * it may leave some out), so the history shows them while `loadRuns` reads the rest. None: the
   * history shows once every run is read.
   */
  loadNewestRuns?: (count: number) => Promise<HistoryRun[]>;
  /** Deletes a run's record (its cached images are the image store's business). */
  deleteRun: (id: string) => Promise<void>;
  /** Saves a sweep (its cells' runs are saved as runs). None: sweeps are not kept. */
  saveSweep?: (sweep: SweepRecord) => Promise<void>;
  /** Every saved sweep, newest first. */
  loadSweeps?: () => Promise<SweepRecord[]>;
  deleteSweep?: (id: string) => Promise<void>;
  /** Saves a batch (its items' runs are saved as runs). None: batches are not kept. */
  saveBatch?: (batch: BatchRecord) => Promise<void>;
  /** Every saved batch, newest first. */
  loadBatches?: () => Promise<BatchRecord[]>;
  deleteBatch?: (id: string) => Promise<void>;
  saveDraft: (draft: Draft) => Promise<void>;
  loadDraft: () => Promise<Draft | null>;
  /** Keeps the form's input image (null deletes the kept one). None: the image is not kept. */
  saveDraftImage?: (image: DraftImage | null) => Promise<void>;
  loadDraftImage?: () => Promise<DraftImage | null>;
  /** Saves the Sweep panel's setup. None: it is not kept across reloads. */
  saveSweepSetup?: (setup: SweepSetup) => Promise<void>;
  loadSweepSetup?: () => Promise<SweepSetup | null>;
}

/** What caching one image did. */
export interface CacheOutcome {
  /** Older cached images evicted to make room, oldest first. */
  evicted: string[];
  /** The browser's storage itself was full (not just the cache's own cap). */
  wasStorageFull: boolean;
}

/**
 * Images kept in the browser under their URL, evicted oldest first (never run records). Puts
 * reject with a `StorageFullError` when the browser's storage is full even after evicting.
 */
export interface ImageStore {
  /** The cached image at `url`, or null. Never rejects. */
  get: (url: string) => Promise<Blob | null>;
  /** Caches `blob` under `url`. */
  put: (url: string, blob: Blob) => Promise<CacheOutcome>;
  /**
   * Fetches the image at `url` and caches it, unless it is cached already (or a data URI).
   * Resolves null when nothing was stored (cached already, not fetchable, not an image, too large).
   */
  keep: (url: string) => Promise<CacheOutcome | null>;
  /** Every cached URL. */
  urls: () => Promise<string[]>;
  remove: (urls: readonly string[]) => Promise<void>;
  /**
   * How much of the browser's storage this site uses, in bytes, or null when the browser does
   * not say. Never rejects.
   */
  estimate?: () => Promise<{ usage: number; quota: number } | null>;
}

/** A chosen file, ready to upload. */
export interface PreparedFile {
  /** What to upload: the redrawn photo, or the chosen file itself when that is as small. */
  file: Blob;
  width: number;
  height: number;
  originalBytes: number;
  originalSize: Size | null;
}

export type { KontextImage };
export type { Draft } from "@/lib/domain/form";
export type { InputImage, LoraEntry, Run, RunPhase, RunUpdate } from "@/lib/domain/run";
export type { Settings } from "@/lib/domain/settings";
