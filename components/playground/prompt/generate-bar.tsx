"use client";

import { useEffect } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { useStartRunFocusingErrors } from "@/components/playground/use-focus-first-error";
import { Button } from "@/components/ui/button";
import { preloadWhenIdle } from "@/components/ui/preload";
import { selectActiveRunCount } from "@/lib/store/playground-store";
import { RunEstimate } from "./run-estimate";

/** Which backend runs the edits, as the server reported it when the page was rendered. */
export type PlaygroundBackend = "local" | "fal" | null;

/**
 * Generate, with the predicted size and price of the run and how many are in flight; pinned
 * below the inputs panel by the workspace.
 */
export function GenerateBar({ backend = null }: { backend?: PlaygroundBackend }) {
  const startRun = useStartRunFocusingErrors();
  const isPreparingImage = usePlaygroundStore((s) => s.isPreparingImage);
  const active = usePlaygroundStore(selectActiveRunCount);
  const loadRunEngine = usePlaygroundStore((s) => s.loadRunEngine);
  // The code Generate runs is not in the first screen's JavaScript: it is fetched once the
  // browser is idle, so the first Generate does not wait for it.
  useEffect(() => preloadWhenIdle(loadRunEngine), [loadRunEngine]);
  return (
    <div className="flex shrink-0 flex-wrap items-center justify-between gap-x-3 gap-y-2 rounded-xl border border-neutral-200 bg-white p-2.5 shadow-lg dark:border-neutral-800 dark:bg-neutral-900">
      <div className="min-w-0 flex-[1_1_11rem] text-sm">
        <RunEstimate />
        {active > 0 ? (
          <p className="text-xs text-neutral-600 dark:text-neutral-400">
            {active} run{active === 1 ? "" : "s"} in progress — you can start more.
          </p>
        ) : null}
      </div>
      <div className="flex flex-[1_0_auto] items-center justify-end gap-3">
        <BackendChip backend={backend} />
        <Button
          variant="primary"
          onClick={() => void startRun()}
          disabled={isPreparingImage}
          className="min-w-32"
        >
          Generate
        </Button>
      </div>
    </div>
  );
}

/**
 * A compact copy of the page header's backend badge, so which backend a run goes to stays in
 * view while the header is scrolled away.
 */
function BackendChip({ backend }: { backend: PlaygroundBackend }) {
  if (backend === null) return null;
  const isLocal = backend === "local";
  return (
    <span
      title={
        isLocal ? "Runs go to the built-in local engine (a preview, not FLUX)" : "Runs go to fal.ai"
      }
      className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${
        isLocal
          ? "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-50"
          : "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50"
      }`}
    >
      <span className="sr-only">Backend: </span>
      {isLocal ? "Local engine" : "fal.ai"}
    </span>
  );
}
