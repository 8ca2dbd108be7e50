"use client";

import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import {
  phaseWord,
  RUN_TONE_CLASS,
  runTone,
  selectRun,
} from "@/components/playground/runs/result-format";
import { RunDetails } from "@/components/playground/runs/run-details";
import { RunFailure } from "@/components/playground/runs/run-failure";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { selectRunNumbers, selectRunTitle } from "@/lib/store/gallery";
import { StageBeforeAfter, StageInput } from "./stage-before-after";
import { StageMedia } from "./stage-media";
import { StageProgress } from "./stage-progress";

/** The run on the stage: its status line, its media (or failure) and its details. */
export function StageRun({ runId }: { runId: string }) {
  const runNumber = usePlaygroundStore((s) => selectRunNumbers(s).get(runId) ?? 0);
  const title = usePlaygroundStore(selectRunTitle(runId));
  const run = usePlaygroundStore(
    useShallow((s) => {
      const found = selectRun(runId)(s);
      return found
        ? {
            phase: found.phase,
            prompt: found.request.prompt,
            inputUrl: found.request.image_url,
            isFinished: found.finishedAt !== null,
          }
        : null;
    }),
  );
  const [isShowingInput, setIsShowingInput] = useState(false);
  if (!run) return null;
  const tone = runTone(run.phase, run.isFinished);
  const isActive = tone === "active";
  const canCompare = run.phase === "completed" && run.inputUrl !== "";

  return (
    <>
      <div className="flex min-w-0 flex-wrap items-center justify-between gap-x-3 gap-y-2">
        <p className="flex min-w-0 flex-1 items-center gap-2 text-sm">
          <span className="shrink-0 font-semibold">{title}</span>
          <span
            className={`shrink-0 rounded-full px-2 py-0.5 text-[11px] font-medium ${RUN_TONE_CLASS[tone]}`}
          >
            {phaseWord(run.phase)}
          </span>
          <span className="truncate text-neutral-600 dark:text-neutral-400" title={run.prompt}>
            {run.prompt}
          </span>
        </p>
        {canCompare ? (
          <StageBeforeAfter
            runNumber={runNumber}
            isShowingInput={isShowingInput}
            onChange={setIsShowingInput}
          />
        ) : null}
      </div>
      {run.phase === "failed" ? (
        <RunFailure runId={runId} runNumber={runNumber} />
      ) : run.phase === "cancelled" ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          This run was cancelled before it finished.
        </p>
      ) : null}
      {canCompare && isShowingInput ? (
        <StageInput url={run.inputUrl} runNumber={runNumber} />
      ) : (
        <StageMedia
          runId={runId}
          runNumber={runNumber}
          overlay={isActive ? <StageProgress runId={runId} runNumber={runNumber} /> : null}
        />
      )}
      <RunDetails runId={runId} runNumber={runNumber} />
    </>
  );
}
