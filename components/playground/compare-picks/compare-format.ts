import type { CompareSide } from "@/components/compare/compare-side";
import { outputImages } from "@/components/playground/runs/run-output";
import type { Run } from "@/lib/store/types";
import type { CompareItem, ComparePicks, CompareTarget } from "./compare-state";

/** Whether two items are the same result. */
export function sameItem(one: CompareItem | null, other: CompareItem | null): boolean {
  return one !== null && other !== null && one.runId === other.runId && one.index === other.index;
}

/** Which slot holds `item`, if any. */
export function pickedSlot(picks: ComparePicks, item: CompareItem): "a" | "b" | null {
  if (sameItem(picks.a, item)) return "a";
  if (sameItem(picks.b, item)) return "b";
  return null;
}

/**
 * Picks a result, or unpicks it when it is already picked. It fills the empty slot (A first);
 * with both full it replaces the one picked longer ago, so the slots never swap.
 */
export function togglePick(picks: ComparePicks, item: CompareItem): ComparePicks {
  const slot = pickedSlot(picks, item);
  if (slot) {
    const rest = slot === "a" ? { ...picks, a: null } : { ...picks, b: null };
    return { ...rest, last: rest.a ? "a" : rest.b ? "b" : null };
  }
  const into = picks.a === null ? "a" : picks.b === null ? "b" : picks.last === "a" ? "b" : "a";
  return { ...picks, [into]: item, last: into };
}

/** A run of the store with its number (its serial; 0 for a sweep's cell), as the run cards show it. */
export interface NumberedRun {
  run: Run;
  runNumber: number;
}

/** Finds a run and its number in the store's runs (newest first). */
export function findRun(runs: readonly Run[], runId: string): NumberedRun | null {
  const run = runs.find((candidate) => candidate.id === runId);
  return run ? { run, runNumber: run.serial ?? 0 } : null;
}

/** `Result 2 of run 3`; a sweep's cell (run number 0: it has none) is `Result 1 of a sweep cell`. */
export function resultName(runNumber: number, index: number): string {
  return runNumber > 0
    ? `Result ${index + 1} of run ${runNumber}`
    : `Result ${index + 1} of a sweep cell`;
}

/** A result image as one side of the compare view (`role` starts its label: `After`, `A`). */
export function resultSide(
  { run, runNumber }: NumberedRun,
  index: number,
  role: string,
): CompareSide | null {
  const image = outputImages(run.output)[index];
  if (!image) return null;
  const name = resultName(runNumber, index);
  return {
    src: image.url,
    label: `${role} · ${name}`,
    alt: `${name}: ${run.request.prompt}`,
    width: image.width,
    height: image.height,
  };
}

/**
 * A run's input as the `Before` side, laid out at the size of the result it is compared with
 * (the input's own size is not kept); its thumbnail stands in when the input URL has expired.
 */
export function inputSide(
  { run, runNumber }: NumberedRun,
  size: { width: number; height: number },
): CompareSide {
  return {
    src: run.request.image_url,
    label: "Before · Input",
    alt: `Input of run ${runNumber}`,
    width: size.width,
    height: size.height,
    fallbackSrc: run.inputThumbnail,
  };
}

/** What the dialog compares, resolved against the store; null when a result is gone. */
export interface CompareView {
  before: CompareSide;
  after: CompareSide;
  title: string;
}

/** Resolves a compare target against the store's runs (newest first). */
export function compareView(runs: readonly Run[], target: CompareTarget): CompareView | null {
  if (target.kind === "input") {
    const found = findRun(runs, target.item.runId);
    const after = found ? resultSide(found, target.item.index, "After") : null;
    if (!found || !after) return null;
    return {
      before: inputSide(found, after),
      after,
      title: `${resultName(found.runNumber, target.item.index)} against its input`,
    };
  }
  const a = findRun(runs, target.a.runId);
  const b = findRun(runs, target.b.runId);
  const before = a ? resultSide(a, target.a.index, "A") : null;
  const after = b ? resultSide(b, target.b.index, "B") : null;
  if (!a || !b || !before || !after) return null;
  return {
    before,
    after,
    title: `${resultName(a.runNumber, target.a.index)} against ${resultName(b.runNumber, target.b.index).toLowerCase()}`,
  };
}

/** The id of a result's "Add to compare" button, where focus goes when the tray is cleared. */
export function pickButtonId(item: CompareItem): string {
  return `compare-pick-${item.runId}-${item.index}`;
}

/**
 * What a screen reader hears after a pick changed: `Result 1 of run 3 picked as A`, `… removed
 * from compare`, or `… picked as A in place of result 2 of run 1`. `name` names an item.
 */
export function describePick(
  previous: ComparePicks,
  next: ComparePicks,
  item: CompareItem,
  name: (item: CompareItem) => string,
): string {
  const slot = pickedSlot(next, item);
  if (!slot) return `${name(item)} removed from compare`;
  const replaced = previous[slot];
  const text = `${name(item)} picked as ${slot.toUpperCase()}`;
  return replaced ? `${text} in place of ${name(replaced).toLowerCase()}` : text;
}

export type { CompareSide };
