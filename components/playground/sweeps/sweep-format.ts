import type { Run } from "@/lib/store/types";
import type { SweepRecord } from "@/lib/sweep/record";
import { AXIS_KINDS } from "./sweep-axis-kinds";

/**
 * `Plushie scale × Prompt variants`: what a sweep varied, columns first. A LoRA scale axis on a
 * LoRA of the stack is named after that LoRA (`name` names a path), so the title says what its
 * columns or rows hold.
 */
export function sweepTitle(
  sweep: Pick<SweepRecord, "axes">,
  name: (path: string) => string = () => "LoRA",
): string {
  return sweep.axes
    .map((axis) =>
      axis.kind === "lora_scale" && axis.target?.kind === "stack"
        ? `${name(axis.target.path)} scale`
        : AXIS_KINDS[axis.kind].label,
    )
    .join(" × ");
}

/** How a sweep's cells stand. */
export interface SweepProgress {
  total: number;
  done: number;
  failed: number;
  cancelled: number;
  /** Queued or running. */
  active: number;
  pending: number;
}

/** Counts a sweep's cells by where they are, given its runs. */
export function sweepProgress(
  sweep: Pick<SweepRecord, "cells">,
  runOf: (id: string) => Pick<Run, "phase" | "finishedAt"> | undefined,
): SweepProgress {
  const progress: SweepProgress = {
    total: sweep.cells.length,
    done: 0,
    failed: 0,
    cancelled: 0,
    active: 0,
    pending: 0,
  };
  for (const cell of sweep.cells) {
    if (cell.status === "pending") progress.pending += 1;
    else if (cell.status === "cancelled") progress.cancelled += 1;
    else {
      const run = cell.runId ? runOf(cell.runId) : undefined;
      if (!run) progress.pending += 1;
      else if (run.finishedAt === null) progress.active += 1;
      else if (run.phase === "completed") progress.done += 1;
      else if (run.phase === "failed") progress.failed += 1;
      else progress.cancelled += 1;
    }
  }
  return progress;
}

/** `3 of 4 done · 1 failed`. */
export function formatSweepProgress(progress: SweepProgress): string {
  const parts = [`${progress.done} of ${progress.total} done`];
  if (progress.active > 0) parts.push(`${progress.active} running`);
  if (progress.pending > 0) parts.push(`${progress.pending} waiting`);
  if (progress.failed > 0) parts.push(`${progress.failed} failed`);
  if (progress.cancelled > 0) parts.push(`${progress.cancelled} cancelled`);
  return parts.join(" · ");
}
