import { LIMITS, PLAYGROUND_LIMITS } from "@/lib/kontext/endpoint";
import type { PriceEstimate } from "@/lib/kontext/pricing";
import type { Size } from "@/lib/kontext/resolution";
import type { KontextOutput, KontextRequest } from "@/lib/kontext/schema";
import type { AppError } from "./app-error";

/** The image a run edits. */
export interface InputImage {
  source: "file" | "url" | "result";
  name: string;
  /** What the browser shows: an object URL for files, else the remote URL. */
  previewUrl: string;
  /** Size after EXIF orientation (and after downscaling, when that happened). */
  width: number;
  height: number;
  /** Bytes of the file the person chose; null when unknown (URL inputs). */
  originalBytes: number | null;
  /** Bytes that are (or will be) uploaded; null when nothing is uploaded. */
  uploadBytes: number | null;
  /** Size before downscaling, when the photo was downscaled. */
  originalSize: Size | null;
  /**
   * The file to upload (kept after the upload, for reuse checks: `remoteUrl` says whether it is
   * uploaded); null for URL inputs.
   */
  file: Blob | null;
  /**
   * The file the person chose, before any downscaling, so the image can be prepared again when
   * the downscale setting changes; null for URL and result inputs.
   */
  originalFile: File | null;
  /** The URL sent as `image_url`, once known (uploaded, typed or a previous result). */
  remoteUrl: string | null;
  /** The run whose result this image is ("use as input"); null otherwise. */
  parentRunId: string | null;
}

/** One row of the LoRA stack. */
export interface LoraEntry {
  id: string;
  path: string;
  scale: number;
  isEnabled: boolean;
}

/** Keeps a scale within 0–4 on the 0.05 grid. */
export function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return LIMITS.loraScale.default;
  const bounded = Math.min(LIMITS.loraScale.max, Math.max(LIMITS.loraScale.min, scale));
  // Divide by the inverse (20) rather than multiply by 0.05, so 0.15 stays 0.15.
  const perUnit = Math.round(1 / PLAYGROUND_LIMITS.loraScaleStep);
  return Math.round(bounded * perUnit) / perUnit;
}

export type RunPhase = "uploading" | "queued" | "running" | "completed" | "failed" | "cancelled";

/** One run, from upload to result. */
export interface Run {
  id: string;
  /**
   * The run's number, shown as "Run 7": given once when the run is created (one above the
   * highest number any run has had), kept in its record and never changed, so deleting other
   * runs renumbers nothing. Null for a sweep's cells, which are named by their grid labels and
   * use up no number.
   */
  serial: number | null;
  phase: RunPhase;
  requestId: string | null;
  queuePosition: number | null;
  logs: string[];
  /** Progress from the `Step i/N` logs, when the engine reports it. */
  step: { current: number; total: number } | null;
  /** Milliseconds since the epoch. */
  startedAt: number;
  finishedAt: number | null;
  /** The request as sent (image_url filled once uploaded). */
  request: KontextRequest;
  /**
   * The image this run uploads, kept in memory (never persisted) until the upload succeeds, so a
   * retry after a failed upload can upload it again; null once uploaded or for URL inputs.
   */
  upload: Blob | null;
  /** The form's LoRA row ids in submission order (`request.loras[i]` came from `loraIds[i]`). */
  loraIds: string[];
  /**
   * A small JPEG data URL of the input image (made in parallel with the upload, saved with the
   * history record); null until it is made, or when it could not be.
   */
  inputThumbnail: string | null;
  /** The run whose result was this run's input ("use as input"); null otherwise. */
  parentId: string | null;
  /** Starred in the gallery. */
  isFavourite: boolean;
  /** What the server ran it on (recorded with the history). */
  backend: "fal" | "local";
  predictedSize: Size;
  price: PriceEstimate;
  output: KontextOutput | null;
  error: AppError | null;
  /**
   * The user asked to cancel this run. Reset when the cancel found nothing to cancel or failed,
   * so the run's real outcome (and any later failure) is reported.
   */
  isCancelRequested: boolean;
}

/** A status update while a request is queued or running. */
export type RunUpdate =
  | { status: "IN_QUEUE"; queuePosition: number }
  | { status: "IN_PROGRESS"; logs: string[] };

/**
 * Whether Retry should be offered for a run — the alert and the run card both ask this: it
 * failed with an error that trying again may fix, and its image is uploaded (`request.image_url`)
 * or still in memory to upload (`upload`).
 */
export function canRetryRun(run: Pick<Run, "phase" | "error" | "request" | "upload">): boolean {
  return (
    run.phase === "failed" &&
    run.error?.isRetryable !== false &&
    (run.request.image_url.length > 0 || run.upload !== null)
  );
}

/** Whether an export carries a run: finished, with a request id (as the history import wants). */
export function isExportable(run: {
  finishedAt: number | null;
  requestId: string | null;
}): boolean {
  return run.finishedAt !== null && run.requestId !== null;
}

/** Runs newest first (by start time; ties by id, descending), as the history lists them. */
export function newestFirst(runs: readonly Run[]): Run[] {
  return [...runs].sort((a, b) =>
    a.startedAt !== b.startedAt
      ? b.startedAt - a.startedAt
      : a.id < b.id
        ? 1
        : a.id > b.id
          ? -1
          : 0,
  );
}
