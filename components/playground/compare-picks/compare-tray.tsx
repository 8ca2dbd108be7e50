"use client";

import { useShallow } from "zustand/react/shallow";
import { outputImages } from "@/components/playground/runs/run-output";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import type { PlaygroundState } from "@/lib/store/playground-store";
import { findRun, resultName } from "./compare-format";
import { useCompare } from "./compare-selection";
import type { CompareItem } from "./compare-state";

/**
 * The picked results A and B, with "Compare A and B" (once both are picked) and "Clear";
 * sticks to the bottom of the screen under the results. Not rendered while nothing is picked.
 */
export function CompareTray() {
  const { picks, clearPicks, comparePicks } = useCompare();
  const [aSrc, aName, bSrc, bName] = usePlaygroundStore(
    useShallow((s) => [...pickedResult(s, picks.a), ...pickedResult(s, picks.b)]),
  );
  if (!picks.a && !picks.b) return null;
  const canCompare = Boolean(aName && bName);
  return (
    <section
      aria-label="Compare selection"
      className="sticky bottom-3 z-10 flex flex-col gap-2 rounded-xl border border-neutral-200 bg-white/95 p-2.5 shadow-lg backdrop-blur dark:border-neutral-700 dark:bg-neutral-900/95 sm:flex-row sm:items-center sm:gap-4"
    >
      <ul
        aria-label="Picked results"
        className="flex min-w-0 flex-1 flex-col gap-1.5 sm:flex-row sm:flex-wrap sm:gap-x-4"
      >
        <TraySlot letter="A" src={aSrc} name={aName} />
        <TraySlot letter="B" src={bSrc} name={bName} />
      </ul>
      <div className="flex items-center justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={clearPicks}>
          Clear<span className="sr-only"> compare selection</span>
        </Button>
        <Button
          size="sm"
          variant="primary"
          disabled={!canCompare}
          onClick={(event) => comparePicks(event.currentTarget)}
        >
          Compare A and B
        </Button>
      </div>
    </section>
  );
}

function TraySlot({ letter, src, name }: { letter: string; src: string; name: string }) {
  return (
    <li className="flex min-w-0 items-center gap-2">
      <span
        aria-hidden="true"
        className="flex size-5 shrink-0 items-center justify-center rounded-full bg-neutral-900 text-[0.6875rem] font-semibold text-white dark:bg-white dark:text-neutral-900"
      >
        {letter}
      </span>
      {src ? (
        // biome-ignore lint/performance/noImgElement: a result at its own URL, shown small.
        <img
          src={src}
          alt=""
          className="size-9 shrink-0 rounded-md border border-neutral-200 bg-neutral-100 object-cover dark:border-neutral-700 dark:bg-neutral-800"
        />
      ) : (
        <span
          aria-hidden="true"
          className="size-9 shrink-0 rounded-md border border-dashed border-neutral-300 dark:border-neutral-600"
        />
      )}
      <span className="truncate text-xs text-neutral-700 dark:text-neutral-300">
        <span className="sr-only">{letter}: </span>
        {name || "Pick another result"}
      </span>
    </li>
  );
}

/** A picked result's image URL and name, flat for `useShallow` (empty strings when none). */
function pickedResult(state: PlaygroundState, item: CompareItem | null): [string, string] {
  const found = item ? findRun(state.runs, item.runId) : null;
  const image = item && found ? outputImages(found.run.output)[item.index] : undefined;
  if (!item || !found || !image) return ["", ""];
  return [image.url, resultName(found.runNumber, item.index)];
}
