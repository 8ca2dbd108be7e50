import type { StateCreator } from "zustand";
import { dataUriToBlob } from "@/lib/browser/data-uri";
import { errorMessage } from "@/lib/domain/app-error";
import { isExportable } from "@/lib/domain/run";
import type { OpenedFileKind } from "@/lib/history/opened-file";
import { isPng } from "@/lib/history/png-signature";
import { toHistoryRun } from "@/lib/history/run-record";
import type { ExportEntry } from "@/lib/history/zip";
import type { KontextRequest } from "@/lib/kontext/schema";
import { looksLikeLibraryJson, MAX_LIBRARY_FILE_BYTES } from "@/lib/library/library-file";
import { coordinate } from "./coordination";
import { runOf } from "./selectors";
import type { PlaygroundState, TransferSlice } from "./state";
import type { Run } from "./types";

// The transfer slice's work: opening files (zips, sidecars, PNGs with settings), shared links,
// exports. It loads at the slice's first call (see `createTransferSlice`), so the first
// screen's JavaScript does not carry it; the heavy formats (fflate, record schemas) load later
// still, with the first zip, sidecar or PNG.

/** The largest zip `openFile` reads (the import itself refuses more than 1 GiB unpacked). */
export const MAX_IMPORT_ZIP_BYTES = 512 * 1024 ** 2;
/** The largest JSON sidecar `openFile` reads. */
export const MAX_SIDECAR_BYTES = 10 * 1024 ** 2;

type SliceArgs = Parameters<StateCreator<PlaygroundState, [], [], TransferSlice>>;

/**
 * The transfer slice's work as the slice calls it; `openFile` gets the files that are not plain
 * images (the slice opens those itself), with their kind.
 */
export type TransferEngine = Pick<
  TransferSlice,
  "openSharedRecipe" | "exportRuns" | "resultBlob"
> & {
  openFile: (file: File, kind: Exclude<OpenedFileKind, "image">) => Promise<void>;
};

/**
 * The transfer slice's actions on `set` and `get`: opening files and shared links, exporting runs,
 * and an output image's bytes with its settings.
 */
export function createTransferEngine(set: SliceArgs[0], get: SliceArgs[1]): TransferEngine {
  /** Cross-slice work goes through one place. */
  const on = coordinate(get);
  function fail(message: string): void {
    set({ transferNotice: { tone: "error", message } });
  }

  function succeed(message: string, imageFile?: File): void {
    set({ transferNotice: { tone: "success", message, ...(imageFile ? { imageFile } : {}) } });
  }

  /** An output image's bytes: a data URI decoded, the cached copy, or fetched (and cached). */
  async function imageBlob(url: string): Promise<Blob | null> {
    if (/^data:/i.test(url)) {
      const decoded = dataUriToBlob(url);
      return decoded.ok ? decoded.blob : null;
    }
    const images = get().services.images;
    if (!images) return null;
    const cached = await images.get(url);
    if (cached) return cached;
    await on.imageUploaded(url);
    return images.get(url);
  }

  async function importZip(file: File): Promise<void> {
    if (file.size > MAX_IMPORT_ZIP_BYTES) {
      return fail(`${file.name} is too large to import (more than 512 MB)`);
    }
    // The zip code (fflate, the record schemas) loads at the first import or export.
    const { importRunsZip } = await import("@/lib/history/zip");
    const result = await importRunsZip(new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) return fail(`${file.name} was not imported: ${result.message}`);
    try {
      // A sweep's cells stay without a run number, as they were made.
      const cellRunIds = new Set(
        result.sweeps.flatMap((sweep) => sweep.cells.map((cell) => cell.runId)),
      );
      const runs = result.runs.map((entry) =>
        cellRunIds.has(entry.run.id) ? { ...entry, run: { ...entry.run, serial: null } } : entry,
      );
      const { added, skipped, unfinished } = await on.importRuns(runs);
      const sweeps = await on.importSweeps(result.sweeps);
      const batches = await on.importBatches(result.batches);
      const parts = [
        batches > 0
          ? `Imported ${batches} ${batches === 1 ? "batch" : "batches"} (${added} ${added === 1 ? "run" : "runs"}) from ${file.name}`
          : sweeps > 0
            ? `Imported ${sweeps} ${sweeps === 1 ? "sweep" : "sweeps"} (${added} ${added === 1 ? "run" : "runs"}) from ${file.name}`
            : `Imported ${added} ${added === 1 ? "run" : "runs"} from ${file.name}`,
      ];
      if (skipped > 0) parts.push(`${skipped} already in your history`);
      if (unfinished > 0) parts.push(`${unfinished} unfinished left out`);
      succeed(parts.join("; "));
    } catch (error) {
      fail(`${file.name} was only partly imported: ${errorMessage(error)}`);
    }
  }

  async function applySidecar(file: File): Promise<void> {
    if (file.size > MAX_LIBRARY_FILE_BYTES) return fail(`${file.name} is too large to open`);
    const text = await file.text();
    // An exported LoRA library goes to the library.
    if (looksLikeLibraryJson(text)) {
      const imported = await on.importLibrary(text, file.name);
      return imported.ok ? succeed(get().libraryNotice?.message ?? "") : fail(imported.message);
    }
    if (file.size > MAX_SIDECAR_BYTES) {
      return fail(`${file.name} is too large for a run's settings`);
    }
    const { parseSidecar } = await import("@/lib/history/sidecar");
    const parsed = parseSidecar(text);
    if (!parsed.ok) return fail(`${file.name} was not used: ${parsed.message}`);
    const { run } = parsed.sidecar;
    await on.applyRecipe({ request: run.request, seed: run.response?.seed });
    succeed(`Settings restored from ${file.name}`);
  }

  return {
    openFile: async (file, kind) => {
      try {
        if (kind === "zip") return await importZip(file);
        if (kind === "json") return await applySidecar(file);
        // The recipe reader (and the run formats it checks against) loads with the first PNG.
        const { readRecipe, NO_RECIPE_MESSAGE } = await import("@/lib/history/recipe-png");
        const recipe = readRecipe(new Uint8Array(await file.arrayBuffer()));
        if (recipe.ok) {
          await on.applyRecipe({ request: recipe.request, seed: recipe.response?.seed });
          const note = recipe.note ? ` ${recipe.note}` : "";
          return succeed(`Settings restored from ${file.name}.${note}`, file);
        }
        if (recipe.message !== NO_RECIPE_MESSAGE) {
          return fail(`${file.name} was not used: ${recipe.message}`);
        }
        set({ transferNotice: null });
        await on.openImage(file);
      } catch (error) {
        fail(`${file.name} could not be read: ${errorMessage(error)}`);
      }
    },
    openSharedRecipe: async (token) => {
      await on.loaded();
      // The link codec (fflate's inflate) and the recipe formats load with the first shared link.
      const [{ decodeRecipe }, { isOmittedDataUri }, { sweepFormFromRecipe }] = await Promise.all([
        import("@/lib/share/link"),
        import("@/lib/share/recipe"),
        import("@/lib/share/sweep-form"),
      ]);
      const decoded = decodeRecipe(token);
      if (!decoded.ok) return fail(`The shared link could not be opened: ${decoded.message}`);
      const { recipe } = decoded;
      const notes = decoded.notes.join(" ");
      const withoutMarker = (request: KontextRequest) => {
        const { image_url, ...rest } = request;
        return isOmittedDataUri(image_url) ? rest : request;
      };
      if (recipe.kind === "run") {
        const seed = recipe.output?.seed;
        await on.applyRecipe({
          request: withoutMarker(recipe.request),
          ...(seed !== undefined ? { seed } : {}),
        });
        return succeed(`Settings restored from a shared link. ${notes}`.trim());
      }
      const form = sweepFormFromRecipe(recipe);
      if (!form) return fail("The shared sweep's grid is incomplete, so it cannot be set up again");
      await on.applyRecipe({ request: withoutMarker(form.base) });
      on.setSweepForm(form.axes);
      succeed(
        `The shared sweep is set up again: its settings are in the form and its axes in the Sweep panel; run it to reproduce it. ${notes}`.trim(),
      );
    },
    exportRuns: async (runIds, options = {}) => {
      const wanted = new Set(runIds);
      const wantedSweeps = new Set(options.sweepIds ?? []);
      const sweeps = get().sweeps.filter((sweep) => wantedSweeps.has(sweep.id));
      const runs = get().runs.filter((run) => wanted.has(run.id) && isExportable(run));
      if (runs.length === 0) return null;
      try {
        const entries: ExportEntry[] = [];
        let missing = 0;
        for (const run of runs) {
          const images: ExportEntry["images"] = [];
          for (const [index, image] of (run.output?.images ?? []).entries()) {
            const blob = await imageBlob(image.url);
            if (!blob) missing += 1;
            images.push(
              blob
                ? { name: `image-${index + 1}`, bytes: new Uint8Array(await blob.arrayBuffer()) }
                : null,
            );
          }
          entries.push({ run: toHistoryRun(run), images });
        }
        const exported = new Set(entries.map((entry) => entry.run.id));
        // A sweep's cells name only runs that are in the export (unfinished ones are left out).
        const { exportRunsZip } = await import("@/lib/history/zip");
        const bytes = await exportRunsZip(entries, {
          sweeps: sweeps.map((sweep) => ({
            ...sweep,
            cells: sweep.cells.map((cell) =>
              cell.runId && !exported.has(cell.runId)
                ? { ...cell, status: "cancelled" as const, runId: null }
                : cell,
            ),
          })),
        });
        const count = runs.length;
        succeed(
          `Exported ${count} ${count === 1 ? "run" : "runs"}${missing > 0 ? `; ${missing} ${missing === 1 ? "image is" : "images are"} no longer available and listed without a file` : ""}`,
        );
        return {
          blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/zip" }),
          filename: exportFilename(runs, get().services.now()),
        };
      } catch (error) {
        fail(`The export failed: ${errorMessage(error)}`);
        return null;
      }
    },
    resultBlob: async (runId, index) => {
      const run = runOf(get(), runId);
      const image = run?.output?.images[index];
      if (!run || !image) return null;
      const blob = await imageBlob(image.url);
      if (!blob || run.requestId === null) return blob;
      const bytes = new Uint8Array(await blob.arrayBuffer());
      if (!isPng(bytes)) return blob;
      try {
        const { embedRecipe } = await import("@/lib/history/recipe-png");
        const tagged = embedRecipe(bytes, toHistoryRun(run));
        return new Blob([tagged as Uint8Array<ArrayBuffer>], { type: "image/png" });
      } catch {
        return blob; // a PNG we cannot parse (or tag, offline) is saved as it is
      }
    },
  };
}

/** `kontext-runs-2026-11-23.zip`, or `kontext-run-<seed>.zip` for a single run. */
function exportFilename(runs: readonly Run[], now: number): string {
  const [only] = runs;
  if (runs.length === 1 && only?.output) return `kontext-run-${only.output.seed}.zip`;
  return `kontext-runs-${new Date(now).toISOString().slice(0, 10)}.zip`;
}
