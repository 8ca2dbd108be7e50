"use client";

import { formatSettings, loraChip } from "@/components/playground/runs/result-format";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { isActive } from "@/lib/batch/queue";
import { BatchProgress } from "./batch-progress";
import { useBatch } from "./use-batch";

/**
 * A batch in the history, as one item: its name, recipe and progress; "Show on stage" opens its
 * review there, and Delete removes it with its runs once nothing of it is in flight.
 */
export default function BatchCard({ batchId }: { batchId: string }) {
  const found = useBatch(batchId);
  const stageRun = usePlaygroundStore((s) => s.stageRun);
  const deleteBatch = usePlaygroundStore((s) => s.deleteBatch);
  if (!found) return null;
  const { batch, number } = found;
  const title = `Batch ${number}`;
  const titleId = `batch-${batchId}-title`;
  // The item whose run started last: staging it shows the batch.
  const latest = batch.items.reduce<(typeof batch.items)[number] | null>(
    (best, item) =>
      item.runId && (best === null || (item.startedAt ?? 0) > (best.startedAt ?? 0)) ? item : best,
    null,
  );
  const { request } = batch.recipe;
  return (
    <article
      aria-labelledby={titleId}
      className="flex flex-col gap-2 rounded-lg border border-accent-100 bg-accent-50/40 p-3 sm:p-4 dark:border-accent-700/50 dark:bg-accent-700/10"
    >
      <h3
        id={titleId}
        tabIndex={-1}
        className="text-sm font-semibold text-neutral-900 dark:text-neutral-100"
      >
        {title} · {batch.name}
      </h3>
      <p className="text-xs text-neutral-600 dark:text-neutral-400">
        {request.loras.length > 0 ? `${request.loras.map(loraChip).join(", ")} · ` : ""}
        {formatSettings(request)}
      </p>
      <BatchProgress batch={batch} title={title} />
      <div className="flex flex-wrap gap-1.5">
        <Button
          size="sm"
          variant="secondary"
          disabled={!latest?.runId}
          onClick={() => latest?.runId && stageRun(latest.runId)}
        >
          <span>
            Show<span className="sr-only"> {title}</span> on stage
          </span>
        </Button>
        {batch.items.some(isActive) ? null : (
          <Button size="sm" variant="ghost" onClick={() => void deleteBatch(batch.id)}>
            <span>
              Delete<span className="sr-only"> {title}</span>
            </span>
          </Button>
        )}
      </div>
    </article>
  );
}
