"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { selectRun } from "./result-format";

/** A run's engine logs, collapsed by default. */
export function RunLogs({ runId, runNumber }: { runId: string; runNumber: number }) {
  const logs = usePlaygroundStore((s) => selectRun(runId)(s)?.logs);
  if (!logs || logs.length === 0) return null;
  return (
    <details className="text-xs">
      <summary className="w-fit cursor-pointer rounded text-neutral-600 select-none hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:text-neutral-400 dark:hover:text-neutral-100">
        Logs<span className="sr-only"> of run {runNumber}</span> ({logs.length})
      </summary>
      <pre className="mt-2 max-h-48 overflow-auto rounded-md border border-neutral-200 bg-white p-2 font-mono text-[11px] leading-relaxed break-words whitespace-pre-wrap text-neutral-700 dark:border-neutral-800 dark:bg-neutral-950 dark:text-neutral-300">
        {logs.join("\n")}
      </pre>
    </details>
  );
}
