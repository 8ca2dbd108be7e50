"use client";

import { formatUsd } from "@/lib/kontext/pricing";
import type { SweepPlan } from "@/lib/store/outcomes";

/** Before a sweep starts: how many requests, megapixels and dollars — or what to fix. */
export function SweepSummary({ plan, error }: { plan: SweepPlan; error: string | null }) {
  return (
    <div className="flex flex-col gap-1">
      <output
        aria-label="Sweep estimate"
        className="rounded-md bg-neutral-100 px-3 py-2 text-sm text-neutral-800 tabular-nums dark:bg-neutral-800/70 dark:text-neutral-200"
      >
        {plan.ok ? (
          <>
            {plan.grid.columnLabels.length}
            {plan.grid.rowLabels.length > 1 ? ` × ${plan.grid.rowLabels.length}` : ""} grid ·{" "}
            {plan.estimate.requests} {plan.estimate.requests === 1 ? "request" : "requests"} ·{" "}
            {plan.estimate.megapixels} MP · ≈ {formatUsd(plan.estimate.usd)}
            {plan.seed !== undefined ? ` · seed ${plan.seed}` : ""}
          </>
        ) : plan.isFormProblem ? (
          // The form shows its own errors; this only says why there is no estimate yet.
          "Add an image and an instruction above to plan a sweep"
        ) : plan.axis === null ? (
          plan.message
        ) : (
          "Fix the values above to see the cost"
        )}
      </output>
      <div aria-live="polite">
        {error ? (
          <p className="text-xs font-medium text-red-700 dark:text-red-400">{error}</p>
        ) : null}
      </div>
    </div>
  );
}
