import { type AsyncZippable, type UnzipFileInfo, type Unzipped, unzip, zip } from "fflate";
import { BATCH_DOCUMENT_FORMAT, type BatchRecord, batchRecordSchema } from "@/lib/batch/record";
import { formatCount } from "@/lib/domain/text";
import { describeIssues, FILE_IMPORT_STYLE } from "@/lib/persist/issues";
import { type SweepRecord, sweepRecordSchema } from "@/lib/sweep/record";
import { isPng } from "./png-metadata";
import { embedRecipe } from "./recipe-png";
import {
  checkDocumentHeader,
  EXPORT_FORMAT,
  isSafeArchivePath,
  parseJson,
  parseSidecar,
  sidecarImagePath,
  sidecarToRun,
  toSidecar,
} from "./sidecar";
import { HISTORY_VERSION, type HistoryRun } from "./types";

/**
 * Export and import of history runs as one zip: `manifest.json`, a sidecar per run
 * (`runs/<id>.json`, see `sidecar.ts`) and the output images (`images/<id>-<n>.<ext>`; PNGs carry
 * their recipe, see `recipe-png.ts`). Uses fflate's asynchronous API, so big archives are
 * (de)compressed off the main thread in the browser. Import validates everything before
 * answering, so a refused archive changes nothing.
 */

/** Path of the manifest inside an export. */
export const MANIFEST_PATH = "manifest.json";
/** Import refuses archives with more entries than this. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Import refuses archives that would unpack to more bytes than this (1 GiB). */
export const MAX_ZIP_BYTES = 1024 ** 3;

/** The manifest at the top of an export. */
export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  /** The exported run ids, in order; each has `runs/<id>.json`. */
  runs: string[];
  /** The exported sweep ids (optional); each has `sweeps/<id>.json` and its runs above. */
  sweeps?: string[];
  /**
   * Where a run's sidecar is when not at `runs/<id>.json` (optional; a batch export names them
   * after their inputs, `runs/chair-003.kontext.json`).
   */
  runFiles?: Record<string, string>;
  /** The exported batch ids (optional); each has `batches/<id>.json` and its runs above. */
  batches?: string[];
}

/**
 * One run to export; `images[i]` holds the bytes of output image `i` (`name` gives a fallback
 * extension), or null when they could not be had (the sidecar then lists it with `file: null`).
 */
export interface ExportEntry {
  run: HistoryRun;
  images: ({ name: string; bytes: Uint8Array } | null)[];
}

/** One imported image: its file name in the export, bytes and MIME type. */
export interface ImportedImage {
  name: string;
  /** Which output image of the run it is (0-based). */
  index: number;
  /** The output image's URL in the run's response (the key it is cached under). */
  url: string;
  bytes: Uint8Array;
  contentType: string;
}

/** One imported run with its images, in the order of its output images. */
export interface ImportedRun {
  run: HistoryRun;
  images: ImportedImage[];
}

/** Result of {@link importRunsZip}; never throws. */
export type ImportResult =
  | { ok: true; runs: ImportedRun[]; sweeps: SweepRecord[]; batches: BatchRecord[] }
  | { ok: false; message: string };

/** The `format` of a sweep's file in an export. */
export const SWEEP_FORMAT = "kontext-playground/sweep";

/** Message for bytes that are not a zip archive. */
export const NOT_A_ZIP_MESSAGE = "The file is not a valid zip archive";
/** Message for a zip without our manifest. */
export const FOREIGN_ZIP_MESSAGE = "This zip was not exported by Kontext Playground";

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** The image type of `bytes` from its signature, or null when not recognised. */
function sniffImage(bytes: Uint8Array): { extension: string; contentType: string } | null {
  if (isPng(bytes)) return { extension: "png", contentType: "image/png" };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { extension: "jpg", contentType: "image/jpeg" };
  }
  const ascii = (start: number, end: number) =>
    String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") {
    return { extension: "webp", contentType: "image/webp" };
  }
  return null;
}

function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return match?.[1]?.toLowerCase() ?? "bin";
}

const CONTENT_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
};

function zipAsync(files: AsyncZippable): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    try {
      zip(files, (error, data) => (error ? reject(error) : resolve(data)));
    } catch (error) {
      reject(error);
    }
  });
}

function unzipAsync(
  bytes: Uint8Array,
  filter: (file: UnzipFileInfo) => boolean,
): Promise<Unzipped> {
  return new Promise((resolve, reject) => {
    try {
      unzip(bytes, { filter }, (error, files) => (error ? reject(error) : resolve(files)));
    } catch (error) {
      reject(error);
    }
  });
}

/**
 * Builds the export zip of `entries`: `manifest.json`, `runs/<id>.json` and
 * `images/<id>-<n>.<ext>` (extension from the bytes, else from `name`). PNG images get the run's
 * recipe embedded. Throws for duplicate run ids or ids that are not safe file names.
 */
export async function exportRunsZip(
  entries: readonly ExportEntry[],
  options: { now?: Date; sweeps?: readonly SweepRecord[] } = {},
): Promise<Uint8Array> {
  const files: AsyncZippable = {};
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const { run, images } of entries) {
    if (!RUN_ID.test(run.id)) throw new Error(`Run id ${JSON.stringify(run.id)} is not exportable`);
    if (seen.has(run.id)) throw new Error(`Run ${run.id} appears twice in the export`);
    seen.add(run.id);
    ids.push(run.id);
    const paths = images.map((image, index) => {
      if (!image) return null;
      const extension = sniffImage(image.bytes)?.extension ?? extensionOf(image.name);
      const path = sidecarImagePath(run.id, index, extension);
      let bytes = image.bytes;
      if (extension === "png") {
        try {
          bytes = embedRecipe(image.bytes, run);
        } catch {
          // A corrupt PNG is exported as it is, without a recipe.
        }
      }
      // Images are compressed already: store them.
      files[path] = [bytes, { level: 0 }];
      return path;
    });
    const sidecar = toSidecar(run, paths);
    files[`runs/${run.id}.json`] = new TextEncoder().encode(
      `${JSON.stringify(sidecar, null, 2)}\n`,
    );
  }
  const sweepIds: string[] = [];
  for (const sweep of options.sweeps ?? []) {
    if (!RUN_ID.test(sweep.id))
      throw new Error(`Sweep id ${JSON.stringify(sweep.id)} is not exportable`);
    sweepIds.push(sweep.id);
    const document = { format: SWEEP_FORMAT, version: HISTORY_VERSION, sweep };
    files[`sweeps/${sweep.id}.json`] = new TextEncoder().encode(
      `${JSON.stringify(document, null, 2)}\n`,
    );
  }
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    version: HISTORY_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    runs: ids,
    ...(sweepIds.length > 0 ? { sweeps: sweepIds } : {}),
  };
  files[MANIFEST_PATH] = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  return zipAsync(files);
}

/** Thrown from the scan's filter to stop walking a directory with too many entries. */
class TooManyEntries extends Error {}

function isWanted(name: string): boolean {
  if (!isSafeArchivePath(name) || name.endsWith("/")) return false;
  return (
    name === MANIFEST_PATH ||
    (name.startsWith("runs/") && name.endsWith(".json")) ||
    (name.startsWith("sweeps/") && name.endsWith(".json")) ||
    (name.startsWith("batches/") && name.endsWith(".json")) ||
    name.startsWith("images/")
  );
}

function listNames(names: readonly string[], limit = 5): string {
  const shown = names.slice(0, limit).join(", ");
  return names.length > limit ? `${shown} and ${formatCount(names.length - limit)} more` : shown;
}

function parseManifest(bytes: Uint8Array):
  | {
      ok: true;
      ids: string[];
      sweepIds: string[];
      batchIds: string[];
      runFiles: Record<string, string>;
    }
  | { ok: false; message: string } {
  const json = parseJson(new TextDecoder().decode(bytes));
  if (!json) return { ok: false, message: `${MANIFEST_PATH} is not valid JSON` };
  const headerProblem = checkDocumentHeader(json.value, EXPORT_FORMAT, "export", HISTORY_VERSION);
  if (headerProblem) {
    return {
      ok: false,
      message: headerProblem.startsWith("This JSON is not")
        ? `${FOREIGN_ZIP_MESSAGE} (${MANIFEST_PATH} is not ours)`
        : headerProblem.replace("This export", "This zip"),
    };
  }
  const { runs } = json.value as { runs?: unknown };
  if (!Array.isArray(runs) || !runs.every((id): id is string => typeof id === "string")) {
    return { ok: false, message: `${MANIFEST_PATH} has no valid 'runs' list` };
  }
  const invalid = runs.filter((id) => !RUN_ID.test(id));
  if (invalid.length > 0) {
    return {
      ok: false,
      message: `${MANIFEST_PATH} lists invalid run ids: ${listNames(invalid.map((id) => JSON.stringify(id)))}`,
    };
  }
  const duplicates = runs.filter((id, index) => runs.indexOf(id) !== index);
  if (duplicates.length > 0) {
    return { ok: false, message: `${MANIFEST_PATH} lists runs twice: ${listNames(duplicates)}` };
  }
  const { sweeps = [] } = json.value as { sweeps?: unknown };
  if (
    !Array.isArray(sweeps) ||
    !sweeps.every((id): id is string => typeof id === "string" && RUN_ID.test(id))
  ) {
    return { ok: false, message: `${MANIFEST_PATH} has an invalid 'sweeps' list` };
  }
  const { batches = [], runFiles = {} } = json.value as { batches?: unknown; runFiles?: unknown };
  if (
    !Array.isArray(batches) ||
    !batches.every((id): id is string => typeof id === "string" && RUN_ID.test(id))
  ) {
    return { ok: false, message: `${MANIFEST_PATH} has an invalid 'batches' list` };
  }
  if (
    typeof runFiles !== "object" ||
    runFiles === null ||
    Array.isArray(runFiles) ||
    !Object.values(runFiles).every(
      (path) =>
        typeof path === "string" &&
        path.startsWith("runs/") &&
        path.endsWith(".json") &&
        isSafeArchivePath(path),
    )
  ) {
    return { ok: false, message: `${MANIFEST_PATH} has an invalid 'runFiles' map` };
  }
  return {
    ok: true,
    ids: runs,
    sweepIds: sweeps,
    batchIds: batches,
    runFiles: runFiles as Record<string, string>,
  };
}

/**
 * Reads an export zip. Refuses — answering `ok: false` with a message for people and changing
 * nothing — bytes that are not a zip, a zip without our manifest, an export from a newer
 * version, an archive with more than {@link MAX_ZIP_ENTRIES} entries or unpacking to more than
 * {@link MAX_ZIP_BYTES}, a sidecar that does not parse (naming the file) and images a sidecar
 * lists but the zip lacks (naming them). Entries with `..` or absolute paths are ignored.
 */
export async function importRunsZip(bytes: Uint8Array): Promise<ImportResult> {
  // 1. Read the central directory only (the filter refuses every entry), to check the archive
  //    is ours and safe before inflating anything.
  let entryCount = 0;
  let totalBytes = 0;
  let hasManifest = false;
  try {
    await unzipAsync(bytes, (file) => {
      entryCount += 1;
      if (entryCount > MAX_ZIP_ENTRIES) throw new TooManyEntries();
      totalBytes += file.originalSize;
      if (file.name === MANIFEST_PATH) hasManifest = true;
      return false;
    });
  } catch (error) {
    if (error instanceof TooManyEntries) {
      return {
        ok: false,
        message: `This zip has more than ${formatCount(MAX_ZIP_ENTRIES)} files, so it was not imported`,
      };
    }
    return { ok: false, message: NOT_A_ZIP_MESSAGE };
  }
  if (totalBytes > MAX_ZIP_BYTES) {
    return {
      ok: false,
      message: `This zip would unpack to more than ${MAX_ZIP_BYTES / 1024 ** 3} GiB, so it was not imported`,
    };
  }
  if (!hasManifest) return { ok: false, message: FOREIGN_ZIP_MESSAGE };

  // 2. Inflate the entries an export can hold, at safe paths only.
  let files: Unzipped;
  try {
    files = await unzipAsync(bytes, (file) => isWanted(file.name));
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
    return { ok: false, message: `${NOT_A_ZIP_MESSAGE}${detail}` };
  }
  const manifestBytes = files[MANIFEST_PATH];
  if (!manifestBytes) return { ok: false, message: FOREIGN_ZIP_MESSAGE };
  const manifest = parseManifest(manifestBytes);
  if (!manifest.ok) return manifest;

  // 3. Parse every sidecar and collect its images; answer only when everything is in order.
  const runs: ImportedRun[] = [];
  const missing: string[] = [];
  for (const id of manifest.ids) {
    const path = Object.hasOwn(manifest.runFiles, id)
      ? (manifest.runFiles[id] as string)
      : `runs/${id}.json`;
    const sidecarBytes = files[path];
    if (!sidecarBytes) return { ok: false, message: `The zip is missing ${path}` };
    const parsed = parseSidecar(new TextDecoder().decode(sidecarBytes));
    if (!parsed.ok) return { ok: false, message: `${path}: ${parsed.message}` };
    const { sidecar } = parsed;
    if (sidecar.run.id !== id) {
      return { ok: false, message: `${path} holds run ${sidecar.run.id}, not ${id}` };
    }
    const images: ImportedImage[] = [];
    for (const [index, image] of sidecar.images.entries()) {
      if (image.file === null) continue;
      const imageBytes = files[image.file];
      if (!imageBytes) {
        missing.push(image.file);
        continue;
      }
      const name = image.file.slice(image.file.lastIndexOf("/") + 1);
      const contentType =
        sniffImage(imageBytes)?.contentType ??
        CONTENT_TYPES[extensionOf(name)] ??
        image.content_type;
      images.push({ name, index, url: image.url, bytes: imageBytes, contentType });
    }
    runs.push({ run: sidecarToRun(sidecar), images });
  }
  if (missing.length > 0) {
    return {
      ok: false,
      message: `${missing.length === 1 ? "An image is" : "Images are"} missing from the zip: ${listNames(missing)}`,
    };
  }
  // 4. The sweeps, each naming only runs of this export.
  const sweeps: SweepRecord[] = [];
  const exported = new Set(manifest.ids);
  for (const id of manifest.sweepIds) {
    const path = `sweeps/${id}.json`;
    const sweepBytes = files[path];
    if (!sweepBytes) return { ok: false, message: `The zip is missing ${path}` };
    const json = parseJson(new TextDecoder().decode(sweepBytes));
    if (!json) return { ok: false, message: `${path} is not valid JSON` };
    const headerProblem = checkDocumentHeader(json.value, SWEEP_FORMAT, "sweep", HISTORY_VERSION);
    if (headerProblem) return { ok: false, message: `${path}: ${headerProblem}` };
    const parsed = sweepRecordSchema.safeParse((json.value as { sweep?: unknown }).sweep);
    if (!parsed.success) {
      return {
        ok: false,
        message: `${path}: invalid sweep field ${describeIssues(parsed.error, FILE_IMPORT_STYLE, "sweep")}`,
      };
    }
    if (parsed.data.id !== id)
      return { ok: false, message: `${path} holds sweep ${parsed.data.id}, not ${id}` };
    const strangers = parsed.data.cells.flatMap((cell) =>
      cell.runId && !exported.has(cell.runId) ? [cell.runId] : [],
    );
    if (strangers.length > 0) {
      return {
        ok: false,
        message: `${path} names runs the zip does not hold: ${listNames(strangers)}`,
      };
    }
    sweeps.push(parsed.data);
  }
  // 5. The batches: items whose runs the zip does not hold keep their state but lose the run.
  const batches: BatchRecord[] = [];
  for (const id of manifest.batchIds) {
    const path = `batches/${id}.json`;
    const batchBytes = files[path];
    if (!batchBytes) return { ok: false, message: `The zip is missing ${path}` };
    const json = parseJson(new TextDecoder().decode(batchBytes));
    if (!json) return { ok: false, message: `${path} is not valid JSON` };
    const headerProblem = checkDocumentHeader(
      json.value,
      BATCH_DOCUMENT_FORMAT,
      "batch",
      HISTORY_VERSION,
    );
    if (headerProblem) return { ok: false, message: `${path}: ${headerProblem}` };
    const parsed = batchRecordSchema.safeParse((json.value as { batch?: unknown }).batch);
    if (!parsed.success) {
      return {
        ok: false,
        message: `${path}: invalid batch field ${describeIssues(parsed.error, FILE_IMPORT_STYLE, "batch")}`,
      };
    }
    if (parsed.data.id !== id)
      return { ok: false, message: `${path} holds batch ${parsed.data.id}, not ${id}` };
    const strangers = parsed.data.items.flatMap((item) =>
      item.runId && !exported.has(item.runId) ? [item.runId] : [],
    );
    if (strangers.length > 0) {
      return {
        ok: false,
        message: `${path} names runs the zip does not hold: ${listNames(strangers)}`,
      };
    }
    batches.push(parsed.data);
  }
  return { ok: true, runs, sweeps, batches };
}
