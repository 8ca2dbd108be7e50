"use client";

import { formatSettings, loraChip, selectRun } from "./result-format";
import { usePlaygroundStore } from "./store-provider";

/** What a run asked for: the prompt, its LoRAs and its settings, on a few compact lines. */
export function RunSummary({ runId, runNumber }: { runId: string; runNumber: number }) {
  const request = usePlaygroundStore((s) => selectRun(runId)(s)?.request);
  if (!request) return null;
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <p className="truncate text-sm text-neutral-900 dark:text-neutral-100" title={request.prompt}>
        {request.prompt}
      </p>
      {request.loras.length > 0 ? (
        <ul aria-label={`LoRAs of run ${runNumber}`} className="flex flex-wrap gap-1.5">
          {request.loras.map((lora, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a run's LoRA list never changes.
              key={index}
              title={lora.path}
              className="max-w-full truncate rounded-full border border-neutral-200 bg-white px-2 py-0.5 text-xs text-neutral-700 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-300"
            >
              {loraChip(lora)}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-xs text-neutral-500 tabular-nums dark:text-neutral-400">
        {formatSettings(request)}
      </p>
    </div>
  );
}
