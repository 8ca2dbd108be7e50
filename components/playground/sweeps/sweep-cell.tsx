"use client";

import { useShallow } from "zustand/react/shallow";
import { useCompare } from "@/components/playground/compare-picks/compare-context";
import { useResultViewer } from "@/components/playground/runs/result-context";
import { isFlaggedImage, resultKey, selectRun } from "@/components/playground/runs/result-format";
import { ResultImage } from "@/components/playground/runs/result-image";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";

/**
 * One cell of a sweep's grid: its image (opens full size), or where it stands; "Use these
 * settings" and "Compare" once it is done.
 */
export function SweepCell({
  runId,
  status,
  label,
}: {
  runId: string | null;
  status: "pending" | "started" | "cancelled";
  /** `×0.5 · snow`: the cell's axis values, naming its actions. */
  label: string;
}) {
  const cell = usePlaygroundStore(
    useShallow((s) => {
      const run = runId ? selectRun(runId)(s) : undefined;
      if (!run) return null;
      const image = run.output?.images[0];
      return {
        phase: run.phase,
        isFinished: run.finishedAt !== null,
        step: run.step ? `${run.step.current}/${run.step.total}` : null,
        error: run.error?.message ?? null,
        image: image ?? null,
        isFlagged: isFlaggedImage(run.output, 0),
        prompt: run.request.prompt,
      };
    }),
  );
  const remixRun = usePlaygroundStore((s) => s.remixRun);
  const viewer = useResultViewer();
  const compare = useCompare();

  if (!runId || !cell) {
    return <CellNote>{status === "cancelled" ? "Cancelled" : "Waiting"}</CellNote>;
  }
  if (!cell.isFinished) {
    return (
      <CellNote>{cell.phase === "running" ? `Running ${cell.step ?? ""}` : "Queued"}</CellNote>
    );
  }
  if (cell.phase !== "completed" || !cell.image) {
    return (
      <CellNote tone="error" title={cell.error ?? undefined}>
        {cell.phase === "failed" ? "Failed" : "Cancelled"}
      </CellNote>
    );
  }
  const key = resultKey(runId, 0);
  const isHidden = cell.isFlagged && !viewer.isRevealed(key);
  const item = { runId, index: 0 };
  const slot = compare.slotOf(item);
  return (
    <div className="flex flex-col gap-1.5">
      {isHidden ? (
        <CellNote>Hidden: flagged</CellNote>
      ) : (
        <button
          type="button"
          aria-label={`Open cell ${label} full size`}
          onClick={(event) => viewer.open(key, event.currentTarget)}
          className="block cursor-zoom-in overflow-hidden rounded-md bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:bg-neutral-800"
        >
          <ResultImage
            url={cell.image.url}
            alt={`Cell ${label}: ${cell.prompt}`}
            width={cell.image.width}
            height={cell.image.height}
            className="block h-auto w-full object-contain"
          />
        </button>
      )}
      <div className="flex flex-wrap gap-x-1">
        <Button size="sm" variant="ghost" onClick={() => void remixRun(runId, { withSeed: true })}>
          Use settings<span className="sr-only"> of cell {label}</span>
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-pressed={slot !== null}
          onClick={() => compare.togglePick(item)}
        >
          {slot ? `Picked ${slot.toUpperCase()}` : "Compare"}
          <span className="sr-only"> cell {label}</span>
        </Button>
      </div>
    </div>
  );
}

function CellNote({
  children,
  tone = "muted",
  title,
}: {
  children: React.ReactNode;
  tone?: "muted" | "error";
  title?: string;
}) {
  return (
    <div
      title={title}
      className={`flex aspect-[4/3] items-center justify-center rounded-md border border-dashed p-2 text-center text-xs tabular-nums ${
        tone === "error"
          ? "border-red-300 text-red-700 dark:border-red-800 dark:text-red-400"
          : "border-neutral-300 text-neutral-600 dark:border-neutral-700 dark:text-neutral-400"
      }`}
    >
      {children}
    </div>
  );
}
