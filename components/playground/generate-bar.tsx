"use client";

import { Button } from "@/components/ui/button";
import { selectActiveRunCount } from "@/lib/store/playground-store";
import { RunEstimate } from "./run-estimate";
import { usePlaygroundStore } from "./store-provider";

/** Generate, with the predicted size and price of the run and how many are in flight. */
export function GenerateBar() {
  const startRun = usePlaygroundStore((s) => s.startRun);
  const isPreparingImage = usePlaygroundStore((s) => s.isPreparingImage);
  const active = usePlaygroundStore(selectActiveRunCount);
  return (
    <div className="sticky bottom-0 z-10 -mx-1 flex flex-col gap-2 rounded-xl border border-neutral-200 bg-white/95 p-3 shadow-lg backdrop-blur sm:flex-row sm:items-center sm:justify-between dark:border-neutral-800 dark:bg-neutral-900/95">
      <div className="min-w-0 text-sm">
        <RunEstimate />
        {active > 0 ? (
          <p className="text-xs text-neutral-600 dark:text-neutral-400">
            {active} run{active === 1 ? "" : "s"} in progress — you can start more.
          </p>
        ) : null}
      </div>
      <Button
        variant="primary"
        onClick={() => void startRun()}
        disabled={isPreparingImage}
        className="sm:min-w-36"
      >
        Generate
      </Button>
    </div>
  );
}
