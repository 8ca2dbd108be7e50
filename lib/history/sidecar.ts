import { isAspectRatioMode } from "@/lib/kontext/endpoint";
import { aspectRatioSize, type Size } from "@/lib/kontext/resolution";
import {
  type KontextOutput,
  type KontextRequest,
  kontextInputSchema,
  kontextOutputSchema,
} from "@/lib/kontext/schema";

import * as z from "@/lib/kontext/zod";
import { describeIssues, FILE_IMPORT_STYLE } from "@/lib/persist/issues";
import {
  checkDocumentHeader,
  EXPORT_FORMAT,
  parseJson,
  SIDECAR_FORMAT,
} from "@/lib/persist/json-document";
import { HISTORY_VERSION, type HistoryRun, type HistoryRunStatus } from "./types";

/**
 * The JSON sidecar of one run, as written next to its images in an export (`runs/<id>.json`):
 * the exact request and response plus what history needs to show the run again. Pure; runs in
 * the browser and in Node.
 */

/** One output image: where it was (`url`), and where its bytes are in the export (`file`). */
export interface SidecarImage {
  /** Path inside the export, `images/<runId>-<n>.<ext>`; null when the bytes were not saved. */
  file: string | null;
  url: string;
  width: number;
  height: number;
  content_type: string;
}

/** The run fields a sidecar carries. */
export interface SidecarRun {
  id: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  status: HistoryRunStatus;
  requestId: string | null;
  /** The exact request sent. */
  request: KontextRequest;
  /** The exact output, or null when the run did not complete. */
  response: KontextOutput | null;
  parentId: string | null;
  isFavourite: boolean;
  backend: HistoryRun["backend"];
  priceUsd: number;
}

/** A run sidecar: `{ format, version, run, images }`. */
export interface RunSidecar {
  format: typeof SIDECAR_FORMAT;
  version: number;
  run: SidecarRun;
  images: SidecarImage[];
}

/** Result of {@link parseSidecar}: never throws; `message` says what is wrong, for people. */
export type ParseSidecarResult = { ok: true; sidecar: RunSidecar } | { ok: false; message: string };

/** The default export path of output image `index` (0-based) of run `runId`. */
export function sidecarImagePath(runId: string, index: number, extension = "png"): string {
  return `images/${runId}-${index + 1}.${extension}`;
}

/** The run fields of a sidecar, copied from a history run (request and response untouched). */
export function toSidecarRun(run: HistoryRun): SidecarRun {
  return {
    id: run.id,
    createdAt: run.createdAt,
    status: run.status,
    requestId: run.requestId,
    request: run.request,
    response: run.output,
    parentId: run.parentId,
    isFavourite: run.isFavourite,
    backend: run.backend,
    priceUsd: run.priceUsd,
  };
}

/**
 * The sidecar of `run`. `imageFiles[i]` is the export path of output image `i`
 * (see {@link sidecarImagePath}); an image without a path is listed with `file: null`.
 */
export function toSidecar(
  run: HistoryRun,
  imageFiles: readonly (string | null | undefined)[] = [],
): RunSidecar {
  return {
    format: SIDECAR_FORMAT,
    version: HISTORY_VERSION,
    run: toSidecarRun(run),
    images: (run.output?.images ?? []).map((image, index) => ({
      file: imageFiles[index] ?? null,
      url: image.url,
      width: image.width,
      height: image.height,
      content_type: image.content_type,
    })),
  };
}

/** A file path inside an export: relative, forward slashes, no `..` or empty segments. */
export function isSafeArchivePath(path: string): boolean {
  if (path.length === 0 || path.length > 1024) return false;
  if (path.startsWith("/") || path.includes("\\") || /^[a-z]:/i.test(path)) return false;
  if (path.includes("\0")) return false;
  const segments = path.split("/");
  // A trailing "/" (a directory entry) is allowed; any other empty, "." or ".." segment is not.
  return segments.every(
    (segment, index) =>
      (segment !== "" || index === segments.length - 1) && segment !== "." && segment !== "..",
  );
}

const nullableId = z.nullable(z.string().check(z.minLength(1)));

/** The run fields, with request and response checked separately for clearer messages. */
const runFieldsSchema = z.object({
  id: z.string().check(z.trim(), z.minLength(1, "must be a non-empty string")),
  createdAt: z.number().check(z.nonnegative()),
  status: z.enum(["queued", "running", "completed", "failed", "cancelled"]),
  requestId: nullableId,
  request: z.unknown(),
  response: z.optional(z.unknown()),
  parentId: nullableId,
  isFavourite: z.boolean(),
  backend: z.enum(["fal", "local"]),
  priceUsd: z.number().check(z.nonnegative()),
});

const imageSchema = z.object({
  file: z.nullable(
    z
      .string()
      .check(
        z.refine(
          (file) => file.startsWith("images/") && isSafeArchivePath(file) && !file.endsWith("/"),
          "must be a file path under images/",
        ),
      ),
  ),
  url: z.string(),
  width: z.int().check(z.positive()),
  height: z.int().check(z.positive()),
  content_type: z.string(),
});

/** What {@link parseRunFields} may relax, for the recipe a PNG carries. */
export interface RunFieldOptions {
  /** Accept a request without `image_url` (the recipe drops data URIs). */
  imageUrlOptional?: boolean;
}

/** A parsed {@link SidecarRun}; `request.image_url` may be absent when `imageUrlOptional`. */
export type ParsedRunFields<Optional extends boolean> = Optional extends true
  ? Omit<SidecarRun, "request"> & {
      request: Omit<KontextRequest, "image_url"> & { image_url?: string };
    }
  : SidecarRun;

const requestWithoutImageSchema = z.partial(kontextInputSchema, { image_url: true });

/**
 * Validates the `run` object of a sidecar or recipe: the envelope fields, the request against
 * {@link kontextInputSchema} and the response against {@link kontextOutputSchema}.
 */
export function parseRunFields<Optional extends boolean = false>(
  value: unknown,
  options: RunFieldOptions & { imageUrlOptional?: Optional } = {},
): { ok: true; run: ParsedRunFields<Optional> } | { ok: false; message: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: "The run is missing its 'run' object" };
  }
  if (!("request" in value) || value.request === undefined) {
    return { ok: false, message: "The run has no 'request'" };
  }
  const fields = runFieldsSchema.safeParse(value);
  if (!fields.success) {
    return {
      ok: false,
      message: `Invalid run field ${describeIssues(fields.error, FILE_IMPORT_STYLE, "run")}`,
    };
  }
  const requestSchema = options.imageUrlOptional ? requestWithoutImageSchema : kontextInputSchema;
  const request = requestSchema.safeParse(fields.data.request);
  if (!request.success) {
    return {
      ok: false,
      message: `Invalid request field ${describeIssues(request.error, FILE_IMPORT_STYLE)}`,
    };
  }
  let response: KontextOutput | null = null;
  if (fields.data.response !== null && fields.data.response !== undefined) {
    const parsed = kontextOutputSchema.safeParse(fields.data.response);
    if (!parsed.success) {
      return {
        ok: false,
        message: `Invalid response field ${describeIssues(parsed.error, FILE_IMPORT_STYLE)}`,
      };
    }
    response = parsed.data;
  }
  const run = { ...fields.data, request: request.data, response };
  return { ok: true, run: run as ParsedRunFields<Optional> };
}

/**
 * Parses and validates a run sidecar. Refuses, with a message for people, text that is not
 * JSON, JSON that is not a playground run (naming what it is), a sidecar written by a newer
 * version, and any invalid field (naming it).
 */
export function parseSidecar(text: string): ParseSidecarResult {
  const json = parseJson(text);
  if (!json) return { ok: false, message: "This file is not valid JSON" };
  const headerProblem = checkDocumentHeader(json.value, SIDECAR_FORMAT, "run", HISTORY_VERSION);
  if (headerProblem) return { ok: false, message: headerProblem };
  const document = json.value as { version: number; run?: unknown; images?: unknown };
  const run = parseRunFields(document.run);
  if (!run.ok) return run;
  const images = z.array(imageSchema).safeParse(document.images ?? []);
  if (!images.success) {
    return {
      ok: false,
      message: `Invalid image entry ${describeIssues(images.error, FILE_IMPORT_STYLE, "images")}`,
    };
  }
  return {
    ok: true,
    sidecar: {
      format: SIDECAR_FORMAT,
      version: document.version,
      run: run.run,
      images: images.data,
    },
  };
}

/** The size a run's output has (first image), else what its request predicts. */
function predictSize(sidecar: RunSidecar): Size {
  const first = sidecar.images[0] ?? sidecar.run.response?.images[0];
  if (first) return { width: first.width, height: first.height };
  const mode = sidecar.run.request.resolution_mode;
  if (isAspectRatioMode(mode)) return aspectRatioSize(mode);
  return { width: 1024, height: 1024 };
}

/**
 * The history run an imported sidecar stands for. Fields the sidecar does not carry get:
 * `finishedAt` = `createdAt` (null for a run still queued or running), `predictedSize` from the
 * first image or the request, `inputThumbnail` null and `error` null.
 */
export function sidecarToRun(sidecar: RunSidecar): HistoryRun {
  const { run } = sidecar;
  const unfinished = run.status === "queued" || run.status === "running";
  return {
    id: run.id,
    createdAt: run.createdAt,
    finishedAt: unfinished ? null : run.createdAt,
    status: run.status,
    requestId: run.requestId,
    request: run.request,
    output: run.response,
    error: null,
    predictedSize: predictSize(sidecar),
    priceUsd: run.priceUsd,
    inputThumbnail: null,
    parentId: run.parentId,
    isFavourite: run.isFavourite,
    backend: run.backend,
  };
}

export { checkDocumentHeader, EXPORT_FORMAT, parseJson, SIDECAR_FORMAT };
