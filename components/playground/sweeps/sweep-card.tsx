"use client";

import { useShallow } from "zustand/react/shallow";
import { formatSettings } from "@/components/playground/runs/result-format";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { SweepActions } from "./sweep-card-actions";
import { formatSweepProgress, sweepProgress, sweepTitle } from "./sweep-format";
import { SweepGrid } from "./sweep-grid";
import { SweepHeld } from "./sweep-held";
import { useLoraName } from "./use-lora-name";

/** A sweep in the gallery: its grid, progress, and what can be done with it. */
export function SweepCard({ sweepId, sweepNumber }: { sweepId: string; sweepNumber: number }) {
  const sweep = usePlaygroundStore((s) => s.sweeps.find((entry) => entry.id === sweepId));
  const progress = usePlaygroundStore(
    useShallow((s) => {
      const found = s.sweeps.find((entry) => entry.id === sweepId);
      return found ? sweepProgress(found, (id) => s.runs.find((run) => run.id === id)) : null;
    }),
  );
  const name = useLoraName();
  if (!sweep || !progress) return null;
  const titleId = `sweep-${sweepId}-title`;
  const title = `Sweep ${sweepNumber} · ${sweepTitle(sweep, name)}`;
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
        <div className="flex flex-col gap-0.5">
          <SweepHeld requests={sweep.cells.map((cell) => cell.request)} />
          <p className="text-xs text-neutral-600 dark:text-neutral-400">{formatSettings(first)}</p>
        </div>
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
