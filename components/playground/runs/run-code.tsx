"use client";

import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { CodePanel } from "@/components/playground/code/code-panel";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { selectRun } from "./result-format";

/** "Code and JSON": the exact request of a run as cURL, Python and JavaScript, and its JSON. */
export function RunCode({ runId, runNumber }: { runId: string; runNumber: number }) {
  const [isOpen, setIsOpen] = useState(false);
  const run = usePlaygroundStore(
    useShallow((s) => {
      const found = selectRun(runId)(s);
      return found && isOpen ? { request: found.request, output: found.output } : null;
    }),
  );
  const hasRequest = usePlaygroundStore(
    (s) => (selectRun(runId)(s)?.request.image_url ?? "") !== "",
  );
  if (!hasRequest) return null;
  return (
    <details className="group text-xs" onToggle={(event) => setIsOpen(event.currentTarget.open)}>
      <summary className="w-fit cursor-pointer rounded-sm text-neutral-600 marker:text-neutral-400 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-neutral-400 dark:hover:text-neutral-100">
        Code and JSON<span className="sr-only"> of run {runNumber}</span>
      </summary>
      {run ? (
        <div className="mt-2">
          <CodePanel request={run.request} response={run.output} what={`run ${runNumber}`} />
        </div>
      ) : null}
    </details>
  );
}
