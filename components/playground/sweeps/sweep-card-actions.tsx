"use client";

import { useState } from "react";
import { saveBlob } from "@/components/playground/runs/result-action-button";
import { ShareLinkButton } from "@/components/playground/runs/share-link-button";
import { usePlaygroundStore, usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { toHistoryRun } from "@/lib/history/run-record";
import { isSweepShareable, SWEEP_IMAGES_NOT_SHARED, sweepRecipe } from "@/lib/share/recipe";
import { MAX_SWEEP_CONCURRENCY } from "@/lib/store/sweep-defaults";
import type { SweepRecord } from "@/lib/sweep/record";
import { useContactSheet } from "./use-contact-sheet";

/**
 * What can be done with a sweep: cancel all, cells at once, retry failed cells, the contact
 * sheet, export and delete.
 */
export function SweepActions({
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
  const setSweepConcurrency = usePlaygroundStore((s) => s.setSweepConcurrency);
  const exportRuns = usePlaygroundStore((s) => s.exportRuns);
  const [status, setStatus] = useState<string | null>(null);
  const downloadSheet = useContactSheet(sweep, title, setStatus);
  const runIds = sweep.cells.flatMap((cell) => (cell.runId ? [cell.runId] : []));

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
      {canCancel ? (
        <label className="inline-flex items-center gap-1.5 text-xs text-neutral-700 dark:text-neutral-300">
          Cells at once
          <input
            type="number"
            min={1}
            max={MAX_SWEEP_CONCURRENCY}
            value={sweep.concurrency}
            onChange={(event) => {
              const value = Number(event.target.value);
              if (Number.isFinite(value) && value >= 1) void setSweepConcurrency(sweep.id, value);
            }}
            className="h-8 w-14 rounded-md border border-neutral-300 bg-white px-2 text-xs tabular-nums dark:border-neutral-700 dark:bg-neutral-900"
          />
        </label>
      ) : null}
      {failed > 0 ? (
        <Button size="sm" variant="secondary" onClick={() => void retryFailedCells(sweep.id)}>
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
      {isDone && runIds.length > 0 && !isSweepShareable(sweep) ? (
        <p className="basis-full text-xs text-neutral-600 dark:text-neutral-400">
          {SWEEP_IMAGES_NOT_SHARED}
        </p>
      ) : null}
      {isDone && runIds.length > 0 && isSweepShareable(sweep) ? (
        <ShareLinkButton
          what={title}
          recipe={() => {
            const { runs } = store.getState();
            return sweepRecipe(
              sweep,
              (id) => {
                const run = runs.find((entry) => entry.id === id);
                return run ? toHistoryRun(run) : undefined;
              },
              window.location.origin,
            );
          }}
        />
      ) : null}
    </div>
  );
}
