"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { clientOnly } from "@/components/ui/on-demand";

// Loaded once a batch is shown: none of the batch views are in the first screen's bundle.
export const BatchStage = clientOnly(() => import("./batch-stage").then((m) => m.default));
export const BatchCard = clientOnly(() => import("./batch-card").then((m) => m.default));
const ProgressTitle = clientOnly(() =>
  import("./batch-progress-title").then((m) => m.BatchProgressTitle),
);

/**
 * The batches' progress in the page title (see `./batch-progress-title`), loaded once there is a
 * batch: a session without one never downloads it, nor the queue code its summary needs.
 */
export function BatchProgressTitle() {
  const hasBatches = usePlaygroundStore((s) => s.batches.length > 0);
  return hasBatches ? <ProgressTitle /> : null;
}

/** The batch a run belongs to (the stage shows the batch, not its run); null for other runs. */
export function useBatchIdOfRun(runId: string | null): string | null {
  return usePlaygroundStore((s) =>
    runId === null
      ? null
      : (s.batches.find((batch) => batch.items.some((item) => item.runId === runId))?.id ?? null),
  );
}
