"use client";

import { BatchStage, useBatchIdOfRun } from "@/components/playground/batch/batch-lazy";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { LoadingNote } from "@/components/ui/loading";
import { clientOnly } from "@/components/ui/on-demand";
import { selectStageRunId } from "@/lib/store/playground-store";
import { StageEmpty } from "./stage-empty";

// A run on the stage (its media, progress, details and actions) loads with the first run: the
// first screen's stage is empty.
const StageRun = clientOnly(
  () => import("./stage-run").then((m) => m.StageRun),
  <LoadingNote what="the run" />,
);

/**
 * The stage: the active run (the newest one started, or one picked from the history), fitted to
 * the space it has so the whole image and its actions are always in view. While the run is
 * queued or running, placeholders at its predicted size carry its progress and Cancel.
 */
export function Stage() {
  const runId = usePlaygroundStore(selectStageRunId);
  // A batch's run shows its batch: the progress and the review grid.
  const batchId = useBatchIdOfRun(runId);
  return (
    <section
      aria-labelledby="stage-title"
      className="relative flex min-h-0 min-w-0 flex-col gap-3 overflow-hidden rounded-xl border border-neutral-200 bg-white p-3 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <h2 id="stage-title" className="sr-only">
        Stage
      </h2>
      {batchId ? (
        <BatchStage batchId={batchId} />
      ) : runId ? (
        <StageRun key={runId} runId={runId} />
      ) : (
        <StageEmpty />
      )}
    </section>
  );
}
