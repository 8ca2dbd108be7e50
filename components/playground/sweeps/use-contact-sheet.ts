"use client";

import { saveBlob } from "@/components/playground/runs/result-action-button";
import { formatSettings } from "@/components/playground/runs/result-format";
import { usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { drawContactSheet } from "@/lib/browser/contact-sheet-canvas";
import { errorMessage } from "@/lib/domain/app-error";
import { sheetImageSize } from "@/lib/sweep/contact-sheet";
import type { SweepRecord } from "@/lib/sweep/record";

/**
 * Draws a sweep's contact sheet (one image per cell, with the grid's labels) and saves it as a
 * PNG, telling `setStatus` how it goes.
 */
export function useContactSheet(
  sweep: SweepRecord,
  title: string,
  setStatus: (status: string) => void,
): () => Promise<void> {
  const store = usePlaygroundStoreApi();
  return async function downloadSheet() {
    setStatus("Drawing the contact sheet…");
    try {
      const cells = await Promise.all(
        sweep.rowLabels.map((_, row) =>
          Promise.all(
            sweep.columnLabels.map(async (_label, column) => {
              const cell = sweep.cells.find(
                (entry) => entry.row === row && entry.column === column,
              );
              const run = cell?.runId
                ? store.getState().runs.find((entry) => entry.id === cell.runId)
                : undefined;
              if (!run || run.phase !== "completed")
                return run?.phase === "failed" ? "Failed" : "No image";
              return (await store.getState().resultBlob(run.id, 0)) ?? "Image unavailable";
            }),
          ),
        ),
      );
      const first = sweep.cells[0]?.request;
      const blob = await drawContactSheet({
        title,
        subtitle: first
          ? `${first.prompt} · ${formatSettings(first)} · seed ${first.seed ?? "random"}`
          : "",
        columnLabels: sweep.columnLabels,
        rowLabels: sweep.rowLabels,
        // Cells over several input images differ in size: lay out for the tallest.
        imageSize: sheetImageSize(
          sweep.cells.map((cell) => cell.predictedSize ?? sweep.predictedSize),
        ),
        cells,
      });
      saveBlob(blob, `kontext-sweep-${sweep.createdAt}.png`);
      setStatus("Contact sheet saved");
    } catch (error) {
      setStatus(`The contact sheet failed: ${errorMessage(error)}`);
    }
  };
}
