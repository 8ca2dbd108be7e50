import { type AsyncZippable, zip } from "fflate";
import { isExportable } from "@/lib/domain/run";
import { embedRecipe } from "@/lib/history/recipe-png";
import { toSidecar } from "@/lib/history/sidecar";
import { HISTORY_VERSION, type HistoryRun } from "@/lib/history/types";
import { type ExportManifest, MANIFEST_PATH } from "@/lib/history/zip";
import { EXPORT_FORMAT } from "@/lib/persist/json-document";
import { estimateItem } from "./cost";
import { sniffImageType } from "./files";
import { exportNames, type ManifestRow, manifestCsv } from "./naming";
import { BATCH_DOCUMENT_FORMAT, type BatchItem, type BatchRecord } from "./record";

/**
 * A batch's export zip, which the history's zip import takes back (see `importRunsZip`):
 *
 * - `images/<input>.kontext.<ext>` — each output named after its input (PNGs carry their recipe);
 * - `runs/<input>.kontext.json` — a run sidecar per item that ran: the exact request and response;
 * - `manifest.csv` — a row per item: input, output file, prompt, seed, size, price, status, error;
 * - `batches/<id>.json` — the batch record (recipe, items and their state);
 * - `manifest.json` — the export manifest, listing the runs, where their sidecars are, the batch.
 *
 * With `keptOnly`, only items marked kept are in it (their rows, files and record entries).
 */

/** Path of the CSV manifest inside a batch export. */
export const MANIFEST_CSV_PATH = "manifest.csv";

/** What an export knows of one item besides its record. */
export interface BatchExportEntry {
  /** The item's run as the history keeps it; null when it never ran. */
  run: HistoryRun | null;
  /** Output image bytes, by output index; null when they could not be had. */
  images: readonly (Uint8Array | null)[];
}

export interface BatchExportOptions {
  /** Only the items marked kept. */
  keptOnly?: boolean;
  /** The export's time (for the manifest). */
  now?: Date;
}

/** What {@link exportBatchZip} made. */
export interface BatchExport {
  bytes: Uint8Array;
  /** How many items are in it. */
  items: number;
  /** Output images that could not be had (listed in the sidecar without a file). */
  missingImages: number;
}

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/avif": "avif",
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

/** A run the export can carry: finished, with a request id (as the history import wants). */
function exportableRun(entry: BatchExportEntry | undefined): HistoryRun | null {
  const run = entry?.run;
  return run && isExportable(run) ? run : null;
}

/** Every item's status as the manifest says it: `done`, `done (kept)`, `failed` … */
function statusOf(item: BatchItem): string {
  return item.review ? `${item.status} (${item.review})` : item.status;
}

/**
 * Builds the zip of `batch` (see the module comment); `entries` holds each item's run and
 * output bytes by item id. Throws only for ids the history could not import.
 */
export async function exportBatchZip(
  batch: BatchRecord,
  entries: ReadonlyMap<string, BatchExportEntry>,
  options: BatchExportOptions = {},
): Promise<BatchExport> {
  const items = options.keptOnly
    ? batch.items.filter((item) => item.review === "kept")
    : batch.items;
  const runs = items.map((item) => exportableRun(entries.get(item.id)));
  const names = exportNames(
    items.map((item, index) => {
      const run = runs[index];
      const images = run?.output?.images ?? [];
      return {
        input: item.input.name,
        extensions: images.map((image, i) => {
          const bytes = entries.get(item.id)?.images[i];
          const sniffed = bytes ? sniffImageType(bytes.subarray(0, 64)) : null;
          return EXTENSIONS[sniffed ?? image.content_type] ?? run?.request.output_format ?? "png";
        }),
      };
    }),
  );
  const files: AsyncZippable = {};
  const runIds: string[] = [];
  const runFiles: Record<string, string> = {};
  const rows: ManifestRow[] = [];
  let missingImages = 0;
  items.forEach((item, index) => {
    const run = runs[index] ?? null;
    const named = names[index];
    if (!named) return;
    const outputFiles: string[] = [];
    if (run) {
      const paths = (run.output?.images ?? []).map((_, i) => {
        const bytes = entries.get(item.id)?.images[i] ?? null;
        const file = named.outputs[i];
        if (!bytes || !file) {
          missingImages += 1;
          return null;
        }
        const path = `images/${file}`;
        let data = bytes;
        if (sniffImageType(bytes.subarray(0, 8)) === "image/png") {
          try {
            data = embedRecipe(bytes, run);
          } catch {
            // A PNG that cannot be parsed is exported as it is, without a recipe.
          }
        }
        // Images are compressed already: store them.
        files[path] = [data, { level: 0 }];
        outputFiles.push(path);
        return path;
      });
      const sidecarPath = `runs/${named.sidecar}`;
      files[sidecarPath] = new TextEncoder().encode(
        `${JSON.stringify(toSidecar(run, paths), null, 2)}\n`,
      );
      runIds.push(run.id);
      runFiles[run.id] = sidecarPath;
    }
    const image = run?.output?.images[0];
    const predicted = estimateItem(
      item.input.width && item.input.height
        ? { width: item.input.width, height: item.input.height }
        : null,
      batch.recipe.request,
    );
    rows.push({
      input: item.input.name,
      outputFiles,
      prompt: run?.request.prompt ?? item.prompt ?? batch.recipe.request.prompt,
      seed: run?.output?.seed ?? item.seed,
      size: image ? { width: image.width, height: image.height } : (predicted?.size ?? null),
      priceUsd: run?.priceUsd ?? predicted?.price.usd ?? null,
      status: statusOf(item),
      error: item.error,
    });
  });
  const exported = new Set(runIds);
  const record: BatchRecord = {
    ...batch,
    items: items.map((item) =>
      item.runId && !exported.has(item.runId) ? { ...item, runId: null } : item,
    ),
  };
  files[MANIFEST_CSV_PATH] = new TextEncoder().encode(manifestCsv(rows));
  files[`batches/${batch.id}.json`] = new TextEncoder().encode(
    `${JSON.stringify({ format: BATCH_DOCUMENT_FORMAT, version: HISTORY_VERSION, batch: record }, null, 2)}\n`,
  );
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    version: HISTORY_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    runs: runIds,
    runFiles,
    batches: [batch.id],
  };
  files[MANIFEST_PATH] = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  return { bytes: await zipAsync(files), items: items.length, missingImages };
}

/** `kontext-batch-2026-12-04.zip` (`-kept` for a kept-only export). */
export function batchExportFilename(now: number, keptOnly = false): string {
  return `kontext-batch-${new Date(now).toISOString().slice(0, 10)}${keptOnly ? "-kept" : ""}.zip`;
}
