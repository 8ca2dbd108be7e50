"use client";

import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { isActivePhase, selectRunImageLayout } from "./result-format";
import { ResultTile } from "./result-tile";

/** A run's images once it completes; placeholders of the predicted size while it runs. */
export function ResultGrid({ runId, runNumber }: { runId: string; runNumber: number }) {
  const grid = usePlaygroundStore(useShallow(selectRunImageLayout(runId)));
  if (!grid) return null;

  if (isActivePhase(grid.phase)) {
    return (
      <div aria-hidden="true" className="grid grid-cols-3 gap-2 sm:grid-cols-4">
        {Array.from({ length: grid.expectedCount }, (_, index) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
            key={index}
            className="max-h-40 animate-pulse rounded-md bg-neutral-200/70 dark:bg-neutral-800/70"
            style={{ aspectRatio: `${grid.width} / ${grid.height}` }}
          />
        ))}
      </div>
    );
  }

  if (grid.phase !== "completed") return null;
  if (grid.imageCount === 0) {
    return <p className="text-sm text-neutral-600 dark:text-neutral-400">No images came back.</p>;
  }
  return (
    <ul
      aria-label={`Images of run ${runNumber}`}
      className={`grid grid-cols-1 gap-4 ${grid.imageCount > 1 ? "sm:grid-cols-2" : ""}`}
    >
      {Array.from({ length: grid.imageCount }, (_, index) => (
        <ResultTile
          // biome-ignore lint/suspicious/noArrayIndexKey: a run's images never change order.
          key={index}
          runId={runId}
          runNumber={runNumber}
          index={index}
        />
      ))}
    </ul>
  );
}
