"use client";

import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { canRetryRun } from "@/lib/domain/run";
import { selectRun } from "./result-format";

/** Why a failed run failed, with Retry when its request can be sent again. */
export function RunFailure({ runId, runNumber }: { runId: string; runNumber: number }) {
  const failure = usePlaygroundStore(
    useShallow((s) => {
      const run = selectRun(runId)(s);
      if (run?.phase !== "failed") return null;
      return {
        message: run.error?.message ?? "The run failed.",
        canRetry: canRetryRun(run),
      };
    }),
  );
  const retryRun = usePlaygroundStore((s) => s.retryRun);
  if (!failure) return null;
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 dark:border-red-900 dark:bg-red-950/40">
      <p className="min-w-0 flex-1 text-sm break-words text-red-800 dark:text-red-300">
        {failure.message}
      </p>
      {failure.canRetry ? (
        <Button size="sm" variant="danger" onClick={() => void retryRun(runId)}>
          <Icon className="size-3.5">
            <path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9" />
            <path d="M13.5 2.5v3h-3" />
          </Icon>
          Retry<span className="sr-only"> run {runNumber}</span>
        </Button>
      ) : null}
    </div>
  );
}
