"use client";

import { useEffect, useState } from "react";
import { INPUT_CLASS } from "@/components/ui/field";
import { MAX_SWEEP_CONCURRENCY } from "@/lib/store/sweep-defaults";

const BUDGET_KEY = "kontext-playground:sweep-budget-usd";
const DEFAULT_BUDGET_USD = 1;

/** The budget above which a sweep asks first, kept in this browser. */
export function useSweepBudget(): [number, (value: number) => void] {
  const [budget, setBudget] = useState(DEFAULT_BUDGET_USD);
  useEffect(() => {
    const saved = Number(globalThis.localStorage?.getItem(BUDGET_KEY));
    if (Number.isFinite(saved) && saved > 0) setBudget(saved);
  }, []);
  return [
    budget,
    (value) => {
      setBudget(value);
      if (Number.isFinite(value) && value > 0) {
        globalThis.localStorage?.setItem(BUDGET_KEY, String(value));
      }
    },
  ];
}

/** How many cells run at once, and the budget. */
export function SweepOptions({
  concurrency,
  onConcurrency,
  budget,
  onBudget,
}: {
  concurrency: number;
  onConcurrency: (value: number) => void;
  budget: number;
  onBudget: (value: number) => void;
}) {
  return (
    <div className="grid grid-cols-2 gap-3">
      <label className="flex flex-col gap-1.5 text-sm font-medium text-neutral-900 dark:text-neutral-100">
        Cells at once
        <input
          type="number"
          min={1}
          max={MAX_SWEEP_CONCURRENCY}
          step={1}
          value={concurrency}
          onChange={(event) => {
            const value = Number(event.target.value);
            if (Number.isFinite(value))
              onConcurrency(Math.min(MAX_SWEEP_CONCURRENCY, Math.max(1, Math.round(value))));
          }}
          className={`${INPUT_CLASS} tabular-nums`}
        />
      </label>
      <label className="flex flex-col gap-1.5 text-sm font-medium text-neutral-900 dark:text-neutral-100">
        Ask above (USD)
        <input
          type="number"
          min={0.01}
          step={0.05}
          value={budget}
          onChange={(event) => {
            const value = Number(event.target.value);
            if (Number.isFinite(value) && value > 0) onBudget(value);
          }}
          className={`${INPUT_CLASS} tabular-nums`}
        />
      </label>
    </div>
  );
}
