import { queueOf } from "@/lib/batch/build";
import { type BatchCost, estimateBatch } from "@/lib/batch/cost";
import * as queue from "@/lib/batch/queue";
import type { BatchRecord } from "@/lib/batch/record";
import { isInFlight } from "@/lib/batch/status";
import { runOf } from "./selectors";
import type { BatchRecipeSource, PlaygroundState } from "./state";

// The batch selectors, apart from the slice: they need the queue's and the cost's code, which only
// the batch views (loaded on demand) read, so the first screen's store does not carry them.

/** The ids of every run that belongs to a batch (shown in its grid, not as runs of their own). */
export function selectBatchRunIds(state: Pick<PlaygroundState, "batches">): Set<string> {
  const ids = new Set<string>();
  for (const batch of state.batches) {
    for (const item of batch.items) if (item.runId) ids.add(item.runId);
  }
  return ids;
}

/** A batch's progress now (see `progress` in `lib/batch/queue`). */
export function selectBatchProgress(batch: BatchRecord, now: number): queue.Progress {
  return queue.progress(queueOf(batch), now);
}

/** Progress over every batch that is started and not finished, for the page title. */
export interface ActiveBatchesSummary {
  /** Items ended (done or failed) and items wanted (not cancelled), over those batches. */
  ended: number;
  wanted: number;
  /** The longest ETA among them; null when unknown. */
  etaMs: number | null;
  /** Whether every one of them is paused. */
  isPaused: boolean;
}

/**
 * A summary of the batches in flight (`3/12` in the title, an ETA), or null when none is: a
 * batch is in flight once started until none of its items is queued, uploading or running.
 */
export function selectActiveBatchesSummary(
  state: Pick<PlaygroundState, "batches">,
  now: number,
): ActiveBatchesSummary | null {
  const active = state.batches.filter(isInFlight);
  if (active.length === 0) return null;
  let ended = 0;
  let wanted = 0;
  let etaMs: number | null = 0;
  for (const batch of active) {
    const progress = queue.progress(queueOf(batch), now);
    ended += progress.done + progress.failed;
    wanted += progress.total - progress.cancelled;
    etaMs = etaMs === null || progress.etaMs === null ? null : Math.max(etaMs, progress.etaMs);
  }
  return { ended, wanted, etaMs, isPaused: active.every((batch) => batch.pause !== null) };
}

/**
 * What the gathered inputs will cost with the form's settings (or the history run `source`'s),
 * image by image, and whether that is above `budgetUsd` (see `estimateBatch`).
 */
export function selectPendingBatchCost(
  state: Pick<PlaygroundState, "batchInputs" | "runs" | "settings">,
  source: BatchRecipeSource = { kind: "form" },
  budgetUsd?: number | null,
): BatchCost {
  const run = source.kind === "run" ? runOf(state, source.runId) : undefined;
  const settings = run?.request ?? state.settings;
  return estimateBatch(
    state.batchInputs.map(({ input }) =>
      input.width && input.height ? { width: input.width, height: input.height } : null,
    ),
    settings,
    budgetUsd,
  );
}
