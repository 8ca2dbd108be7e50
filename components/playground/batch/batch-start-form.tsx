"use client";

import { useId, useState } from "react";
import { usePlaygroundStore, usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { DEFAULT_BATCH_BUDGET_USD } from "@/lib/batch/cost";
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from "@/lib/batch/queue";
import { askToNotify } from "@/lib/browser/notify";
import { formatUsd } from "@/lib/kontext/pricing";
import type { BatchRecipeSource } from "@/lib/store/state";
import { usePendingCost } from "./use-pending-cost";

const INPUT_CLASS =
  "h-8 w-20 rounded-md border border-neutral-300 bg-white px-2 text-sm tabular-nums dark:border-neutral-700 dark:bg-neutral-950";

/**
 * The seed mode, how many run at once, the budget, the total cost, and Start: above the budget
 * it asks first, before anything is uploaded. Notifications are asked for on Start.
 */
export function BatchStartForm({
  source,
  onStarted,
}: {
  source: BatchRecipeSource;
  onStarted: () => void;
}) {
  const store = usePlaygroundStoreApi();
  const inputs = usePlaygroundStore((s) => s.batchInputs);
  const isReading = usePlaygroundStore((s) => s.isReadingBatchInputs);
  const [seedMode, setSeedMode] = useState<"fixed" | "per-image">("per-image");
  const [concurrency, setConcurrency] = useState(DEFAULT_CONCURRENCY);
  const [budget, setBudget] = useState(DEFAULT_BATCH_BUDGET_USD);
  const [isConfirming, setIsConfirming] = useState(false);
  const [isStarting, setIsStarting] = useState(false);
  const ids = { concurrency: useId(), budget: useId(), seed: useId() };
  const cost = usePendingCost(source, budget);

  async function start(isOverBudgetConfirmed: boolean) {
    // Asked on this click (browsers allow it only from a user action); not waited for.
    void askToNotify();
    if (cost.isOverBudget && !isOverBudgetConfirmed) {
      setIsConfirming(true);
      return;
    }
    setIsStarting(true);
    try {
      const { createBatch } = store.getState();
      const batchId = await createBatch({ source, seedMode, concurrency, budgetUsd: budget });
      if (!batchId) return;
      const started = await store.getState().startBatch(batchId, { isOverBudgetConfirmed: true });
      if (started.ok) onStarted();
    } finally {
      setIsStarting(false);
      setIsConfirming(false);
    }
  }

  const canStart = inputs.length > 0 && !isReading && !isStarting;
  return (
    <section aria-labelledby="batch-start-title" className="flex flex-col gap-3">
      <h3 id="batch-start-title" className="sr-only">
        Start
      </h3>
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3 text-sm">
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 font-medium">Seed</legend>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name={ids.seed}
              checked={seedMode === "per-image"}
              onChange={() => setSeedMode("per-image")}
              className="accent-accent-600"
            />
            New seed per image
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name={ids.seed}
              checked={seedMode === "fixed"}
              onChange={() => setSeedMode("fixed")}
              className="accent-accent-600"
            />
            Same seed for every image
          </label>
        </fieldset>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.concurrency} className="font-medium">
            Images at once
          </label>
          <input
            id={ids.concurrency}
            type="number"
            min={1}
            max={MAX_CONCURRENCY}
            value={concurrency}
            onChange={(event) => {
              const value = Math.round(Number(event.target.value));
              if (value >= 1 && value <= MAX_CONCURRENCY) setConcurrency(value);
            }}
            className={INPUT_CLASS}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.budget} className="font-medium">
            Ask before spending over (USD)
          </label>
          <input
            id={ids.budget}
            type="number"
            min={0}
            step={0.5}
            value={budget}
            onChange={(event) => {
              const value = Number(event.target.value);
              if (Number.isFinite(value) && value >= 0) setBudget(value);
            }}
            className={INPUT_CLASS}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-neutral-200 pt-3 dark:border-neutral-800">
        <p className="text-sm" data-testid="batch-total">
          <span className="font-semibold">Total {formatUsd(cost.usd)}</span>
          <span className="text-neutral-600 dark:text-neutral-400">
            {" "}
            for {cost.images} {cost.images === 1 ? "image" : "images"} ({cost.megapixels.toFixed(1)}{" "}
            MP)
            {cost.unknown > 0 ? ` · ${cost.unknown} of unknown size not counted` : ""}
          </span>
        </p>
        {isConfirming ? null : (
          <Button variant="primary" disabled={!canStart} onClick={() => void start(false)}>
            {isStarting ? "Starting…" : "Start batch"}
          </Button>
        )}
      </div>
      {isConfirming ? (
        <div
          role="alertdialog"
          aria-labelledby="batch-confirm-text"
          className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
        >
          <p id="batch-confirm-text">
            This batch costs about {formatUsd(cost.usd)}, more than {formatUsd(budget)}. Start it
            anyway?
          </p>
          <div className="flex gap-2">
            <Button size="sm" variant="ghost" onClick={() => setIsConfirming(false)}>
              Back
            </Button>
            <Button
              size="sm"
              variant="primary"
              disabled={isStarting}
              autoFocus
              onClick={() => void start(true)}
            >
              Start anyway
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
