"use client";

import { useId, useState } from "react";
import { saveBlob } from "@/components/playground/runs/result-action-button";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { isFinished, MAX_CONCURRENCY } from "@/lib/batch/queue";
import type { BatchRecord } from "@/lib/batch/record";

/**
 * What can be done with a batch: pause or resume, cancel all, how many at once, retry the
 * failed, re-run the rejected with new seeds, and export it as a zip (all, or the kept only).
 */
export function BatchControls({ batch }: { batch: BatchRecord }) {
  const pauseBatch = usePlaygroundStore((s) => s.pauseBatch);
  const resumeBatch = usePlaygroundStore((s) => s.resumeBatch);
  const cancelBatch = usePlaygroundStore((s) => s.cancelBatch);
  const setBatchConcurrency = usePlaygroundStore((s) => s.setBatchConcurrency);
  const retryFailed = usePlaygroundStore((s) => s.retryFailedBatchItems);
  const rerunRejected = usePlaygroundStore((s) => s.rerunRejected);
  const exportBatch = usePlaygroundStore((s) => s.exportBatch);
  const [isKeptOnly, setIsKeptOnly] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const concurrencyId = useId();

  const isRunning = batch.startedAt !== null && !batch.items.every(isFinished);
  const count = (test: (item: BatchRecord["items"][number]) => boolean) =>
    batch.items.filter(test).length;
  const failed = count((item) => item.status === "failed");
  const rejected = count((item) => item.review === "rejected" && item.status === "done");
  const kept = count((item) => item.review === "kept" && item.status === "done");
  const done = count((item) => item.status === "done");

  async function exportZip() {
    setStatus("Exporting…");
    const file = await exportBatch(batch.id, { keptOnly: isKeptOnly });
    if (file) saveBlob(file.blob, file.filename);
    setStatus(file ? "Exported" : "Export failed");
  }

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {isRunning ? (
        batch.pause ? (
          <Button size="sm" variant="primary" onClick={() => void resumeBatch(batch.id)}>
            Resume batch
          </Button>
        ) : (
          <Button size="sm" variant="secondary" onClick={() => void pauseBatch(batch.id)}>
            Pause batch
          </Button>
        )
      ) : null}
      {isRunning ? (
        <Button size="sm" variant="danger" onClick={() => void cancelBatch(batch.id)}>
          Cancel batch
        </Button>
      ) : null}
      {isRunning ? (
        <span className="inline-flex items-center gap-1.5 text-xs text-neutral-700 dark:text-neutral-300">
          <label htmlFor={concurrencyId}>Images at once</label>
          <input
            id={concurrencyId}
            type="number"
            min={1}
            max={MAX_CONCURRENCY}
            value={batch.concurrency}
            onChange={(event) => {
              const value = Math.round(Number(event.target.value));
              if (value >= 1 && value <= MAX_CONCURRENCY) void setBatchConcurrency(batch.id, value);
            }}
            className="h-8 w-14 rounded-md border border-neutral-300 bg-white px-2 text-xs tabular-nums dark:border-neutral-700 dark:bg-neutral-900"
          />
        </span>
      ) : null}
      {failed > 0 ? (
        <Button size="sm" variant="secondary" onClick={() => void retryFailed(batch.id)}>
          Retry failed ({failed})
        </Button>
      ) : null}
      {rejected > 0 ? (
        <Button size="sm" variant="secondary" onClick={() => void rerunRejected(batch.id)}>
          Re-run rejected (new seeds)
        </Button>
      ) : null}
      {done > 0 ? (
        <>
          <Button
            size="sm"
            variant="secondary"
            disabled={isKeptOnly && kept === 0}
            onClick={() => void exportZip()}
          >
            Export zip
          </Button>
          <label className="inline-flex cursor-pointer items-center gap-1.5 px-1 text-xs text-neutral-700 dark:text-neutral-300">
            <input
              type="checkbox"
              checked={isKeptOnly}
              onChange={(event) => setIsKeptOnly(event.target.checked)}
              className="size-3.5 accent-accent-600"
            />
            Kept only ({kept})
          </label>
        </>
      ) : null}
      <output aria-live="polite" className="text-xs text-neutral-600 dark:text-neutral-400">
        {status}
      </output>
    </div>
  );
}
