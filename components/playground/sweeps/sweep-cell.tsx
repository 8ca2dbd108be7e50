"use client";

import { useShallow } from "zustand/react/shallow";
import { useCompare } from "@/components/playground/compare-picks/compare-selection";
import { useResultViewer, type ViewerScope } from "@/components/playground/runs/result-context";
import { isFlaggedImage, resultKey, selectRun } from "@/components/playground/runs/result-format";
import { ResultImage } from "@/components/playground/runs/result-image";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";

/**
 * One cell of a sweep's grid: its image (opens full size, the viewer moving within the grid), or
 * where it stands; "Use settings" and "Compare" as icon buttons over the image once it is done, so
 * they never add a line to the row.
 */
export function SweepCell({
  runId,
  status,
  label,
  scope,
}: {
  runId: string | null;
  status: "pending" | "started" | "cancelled";
  /** `Van Gogh ×0.5`: the cell's axis values, naming its actions and its full-size view. */
  label: string;
  /** The sweep's cells, for the viewer. */
  scope: ViewerScope;
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
    <div className="group relative">
      {isHidden ? (
        <CellNote>Hidden: flagged</CellNote>
      ) : (
        <button
          type="button"
          aria-label={`Open cell ${label} full size`}
          onClick={(event) => viewer.open(key, event.currentTarget, scope)}
          className="block w-full cursor-zoom-in overflow-hidden rounded-md bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:bg-neutral-800"
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
      <div className="absolute top-1 right-1 flex gap-1">
        <Button
          size="sm"
          variant="secondary"
          title="Use these settings"
          className="size-8 px-0 shadow-sm"
          onClick={() => void remixRun(runId, { withSeed: true })}
        >
          <Icon>
            <path d="M2.5 8a5.5 5.5 0 0 1 9.4-3.9l1.6 1.4M13.5 2.5v3h-3" />
            <path d="M13.5 8a5.5 5.5 0 0 1-9.4 3.9l-1.6-1.4M2.5 13.5v-3h3" />
          </Icon>
          <span className="sr-only">Use settings of cell {label}</span>
        </Button>
        <Button
          size="sm"
          variant={slot ? "primary" : "secondary"}
          title={slot ? `Picked as ${slot.toUpperCase()} to compare` : "Add to compare"}
          aria-pressed={slot !== null}
          className="h-8 min-w-8 px-1.5 shadow-sm"
          onClick={() => compare.togglePick(item)}
        >
          {slot ? (
            <span aria-hidden="true" className="text-xs font-semibold">
              {slot.toUpperCase()}
            </span>
          ) : (
            <Icon>
              <path d="M3.5 2.5h9a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1Z" />
              <path d="M8 1v14" />
            </Icon>
          )}
          <span className="sr-only">Compare cell {label}</span>
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
