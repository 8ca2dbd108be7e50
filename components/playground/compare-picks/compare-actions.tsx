"use client";

import { Hidden, ResultActionButton } from "@/components/playground/runs/result-action-button";
import { useResultViewer } from "@/components/playground/runs/result-context";
import { isFlaggedImage, resultKey, selectRun } from "@/components/playground/runs/result-format";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { pickButtonId } from "./compare-format";
import { useCompare } from "./compare-selection";

/**
 * "Compare with input" and "Add to compare" for one result; none while the image is hidden by
 * the safety checker (comparing it would show it).
 */
export function CompareActions({
  runId,
  runNumber,
  index,
}: {
  runId: string;
  runNumber: number;
  index: number;
}) {
  const compare = useCompare();
  const viewer = useResultViewer();
  const isFlagged = usePlaygroundStore((s) => isFlaggedImage(selectRun(runId)(s)?.output, index));
  if (isFlagged && !viewer.isRevealed(resultKey(runId, index))) return null;
  const item = { runId, index };
  const slot = compare.slotOf(item);
  const result = ` result ${index + 1} of run ${runNumber}`;

  return (
    <>
      <ResultActionButton
        icon="compare"
        onClick={(event) => compare.compareWithInput(item, event.currentTarget)}
      >
        Compare<Hidden>{result}</Hidden> with <Hidden>its </Hidden>input
      </ResultActionButton>
      <ResultActionButton
        id={pickButtonId(item)}
        icon={slot ? "picked" : "pick"}
        pressed={slot !== null}
        onClick={() => compare.togglePick(item)}
      >
        Add<Hidden>{result}</Hidden> to compare
        {slot ? (
          <span
            aria-hidden="true"
            className="ml-1.5 rounded bg-accent-600 px-1 text-[0.625rem] font-semibold text-white"
          >
            {slot.toUpperCase()}
          </span>
        ) : null}
      </ResultActionButton>
    </>
  );
}
