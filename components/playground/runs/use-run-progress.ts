"use client";

import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { selectRun } from "./result-format";

/**
 * What a run's status and progress show: its phase, queue position, step, times and whether a
 * cancel was asked for; re-renders only when one of them changes. Null when the run is gone.
 */
export function useRunProgress(runId: string) {
  return usePlaygroundStore(
    useShallow((s) => {
      const found = selectRun(runId)(s);
      return found
        ? {
            phase: found.phase,
            queuePosition: found.queuePosition,
            step: found.step,
            startedAt: found.startedAt,
            finishedAt: found.finishedAt,
            isCancelRequested: found.isCancelRequested,
          }
        : null;
    }),
  );
}
