"use client";

import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { type BatchCost, estimateBatch } from "@/lib/batch/cost";
import { runOf } from "@/lib/store/selectors";
import type { BatchRecipeSource } from "@/lib/store/state";

/**
 * What the gathered images will cost with the recipe's settings (the form's or the run's), image
 * by image, against `budgetUsd` — as `selectPendingBatchCost`, worked out only when they change.
 */
export function usePendingCost(source: BatchRecipeSource, budgetUsd?: number | null): BatchCost {
  const inputs = usePlaygroundStore((s) => s.batchInputs);
  const settings = usePlaygroundStore(
    useShallow((s) => {
      const from =
        source.kind === "run" ? (runOf(s, source.runId)?.request ?? s.settings) : s.settings;
      return { resolution_mode: from.resolution_mode, num_images: from.num_images };
    }),
  );
  return useMemo(
    () =>
      estimateBatch(
        inputs.map(({ input }) =>
          input.width && input.height ? { width: input.width, height: input.height } : null,
        ),
        settings,
        budgetUsd,
      ),
    [inputs, settings, budgetUsd],
  );
}
