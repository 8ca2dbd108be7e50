"use client";

import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { Button } from "@/components/ui/button";
import { drawContactSheet } from "@/lib/playground/contact-sheet-canvas";
import type { SweepRecord } from "@/lib/sweep/record";
import { saveBlob } from "./result-action-button";
import { formatSettings } from "./result-format";
import { usePlaygroundStore, usePlaygroundStoreApi } from "./store-provider";
import { formatSweepProgress, sweepProgress, sweepTitle } from "./sweep-format";
import { SweepGrid } from "./sweep-grid";

/** A sweep in the gallery: its grid, progress, and what can be done with it. */
export function SweepCard({ sweepId, sweepNumber }: { sweepId: string; sweepNumber: number }) {
  const sweep = usePlaygroundStore((s) => s.sweeps.find((entry) => entry.id === sweepId));
  const progress = usePlaygroundStore(
    useShallow((s) => {
      const found = s.sweeps.find((entry) => entry.id === sweepId);
      return found ? sweepProgress(found, (id) => s.runs.find((run) => run.id === id)) : null;
    }),
  );
  if (!sweep || !progress) return null;
  const titleId = `sweep-${sweepId}-title`;
  const title = `Sweep ${sweepNumber} · ${sweepTitle(sweep)}`;
  const first = sweep.cells[0]?.request;
  return (
    <article
      aria-labelledby={titleId}
      className="flex flex-col gap-3 rounded-lg border border-accent-100 bg-accent-50/40 p-3 sm:p-4 dark:border-accent-700/50 dark:bg-accent-700/10"
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3
          id={titleId}
          tabIndex={-1}
          className="text-sm font-semibold text-neutral-900 dark:text-neutral-100"
        >
          {title}
        </h3>
        <p className="text-xs text-neutral-600 tabular-nums dark:text-neutral-400">
          {formatSweepProgress(progress)}
        </p>
      </header>
      {first ? (
        <p className="text-xs text-neutral-600 dark:text-neutral-400">
          <span className="text-neutral-900 dark:text-neutral-100">
            {sweep.axes.some((axis) => axis.kind === "prompt") ? "Prompt varies" : first.prompt}
          </span>
          {" · "}
          {formatSettings(first)}
          {sweep.axes.some((axis) => axis.kind === "seed")
            ? ""
            : ` · seed ${first.seed ?? "random"}`}
        </p>
      ) : null}
      <SweepActions
        sweep={sweep}
        title={title}
        canCancel={progress.active + progress.pending > 0}
        failed={progress.failed}
        isDone={progress.active + progress.pending === 0}
      />
      <SweepGrid sweep={sweep} caption={title} />
    </article>
  );
}

function SweepActions({
  sweep,
  title,
  canCancel,
  failed,
  isDone,
}: {
  sweep: SweepRecord;
  title: string;
  canCancel: boolean;
  failed: number;
  isDone: boolean;
}) {
  const store = usePlaygroundStoreApi();
  const cancelSweep = usePlaygroundStore((s) => s.cancelSweep);
  const retryFailedCells = usePlaygroundStore((s) => s.retryFailedCells);
  const deleteSweep = usePlaygroundStore((s) => s.deleteSweep);
  const exportRuns = usePlaygroundStore((s) => s.exportRuns);
  const [status, setStatus] = useState<string | null>(null);
  const runIds = sweep.cells.flatMap((cell) => (cell.runId ? [cell.runId] : []));

  async function downloadSheet() {
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
        imageSize: sweep.predictedSize,
        cells,
      });
      saveBlob(blob, `kontext-sweep-${sweep.createdAt}.png`);
      setStatus("Contact sheet saved");
    } catch (error) {
      setStatus(
        `The contact sheet failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async function exportSweep() {
    const file = await exportRuns(runIds, { sweepIds: [sweep.id] });
    if (file) saveBlob(file.blob, file.filename.replace(/^kontext-runs?/, "kontext-sweep"));
  }

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {canCancel ? (
        <Button size="sm" variant="danger" onClick={() => void cancelSweep(sweep.id)}>
          Cancel all<span className="sr-only"> cells of {title}</span>
        </Button>
      ) : null}
      {failed > 0 ? (
        <Button size="sm" variant="secondary" onClick={() => retryFailedCells(sweep.id)}>
          Retry {failed} failed
        </Button>
      ) : null}
      <Button
        size="sm"
        variant="secondary"
        disabled={runIds.length === 0}
        onClick={() => void downloadSheet()}
      >
        Contact sheet<span className="sr-only"> of {title}</span>
      </Button>
      <Button
        size="sm"
        variant="secondary"
        disabled={runIds.length === 0}
        onClick={() => void exportSweep()}
      >
        Export<span className="sr-only"> {title}</span> as zip
      </Button>
      {isDone ? (
        <Button size="sm" variant="ghost" onClick={() => void deleteSweep(sweep.id)}>
          Delete<span className="sr-only"> {title}</span>
        </Button>
      ) : null}
      <output aria-live="polite" className="text-xs text-neutral-600 dark:text-neutral-400">
        {status}
      </output>
    </div>
  );
}
