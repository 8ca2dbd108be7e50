"use client";

import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import {
  formatImageMeta,
  inferenceSeconds,
  outputImages,
  pricePerImage,
  selectRun,
} from "./result-format";
import { RunCode } from "./run-code";
import { RunLineage } from "./run-lineage";
import { RunLogs } from "./run-logs";
import { RunSummary } from "./run-summary";

/**
 * "Details" of the run on the stage, collapsed: what was asked (input, prompt, LoRAs, settings),
 * each image's size, seed, time and price, its chain of edits, code and logs. Rendered only
 * while open, so its links and images never double the history card's while closed.
 */
export function RunDetails({ runId, runNumber }: { runId: string; runNumber: number }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <details
      onToggle={(event) => setIsOpen(event.currentTarget.open)}
      className="group relative shrink-0 rounded-lg border border-neutral-200 text-sm open:max-h-[45%] open:overflow-y-auto dark:border-neutral-800"
    >
      <summary className="sticky top-0 cursor-pointer rounded-lg bg-white px-3 py-2 text-xs font-medium text-neutral-700 select-none hover:text-neutral-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:bg-neutral-900 dark:text-neutral-300 dark:hover:text-neutral-50">
        Details<span className="sr-only"> of run {runNumber}</span>: settings, timings, lineage,
        logs
      </summary>
      {isOpen ? <RunDetailsContent runId={runId} runNumber={runNumber} /> : null}
    </details>
  );
}

function RunDetailsContent({ runId, runNumber }: { runId: string; runNumber: number }) {
  const metas = usePlaygroundStore(
    useShallow((s) => {
      const run = selectRun(runId)(s);
      const output = run?.output;
      if (!run || !output) return [];
      const images = outputImages(output);
      return images.map((image) =>
        formatImageMeta({
          image,
          seed: output.seed,
          inferenceSeconds: inferenceSeconds(output),
          priceUsd: pricePerImage(run.price.usd, images.length),
        }),
      );
    }),
  );
  return (
    <div className="flex flex-col gap-3 px-3 pb-3">
      <RunSummary runId={runId} runNumber={runNumber} />
      {metas.length > 0 ? (
        <ul
          aria-label={`Image details of run ${runNumber}`}
          className="flex flex-col gap-0.5 text-xs text-neutral-600 tabular-nums dark:text-neutral-400"
        >
          {metas.map((meta, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a run's images never change order.
            <li key={index}>
              Image {index + 1}: {meta}
            </li>
          ))}
        </ul>
      ) : null}
      <RunLineage runId={runId} runNumber={runNumber} />
      <RunCode runId={runId} runNumber={runNumber} />
      <RunLogs runId={runId} runNumber={runNumber} />
    </div>
  );
}
