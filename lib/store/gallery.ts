import type { BatchRecord } from "@/lib/batch/record";
import { formatCount } from "@/lib/domain/text";
import type { KontextRequest } from "@/lib/kontext/schema";
import { cellTitle } from "@/lib/sweep/cell-title";
import type { SweepRecord } from "@/lib/sweep/record";
import { type GalleryFilter, NO_FILTER } from "./gallery-filter";
import type { PlaygroundState } from "./state";
import type { Run } from "./types";

export { type GalleryFilter, NO_FILTER };

/**
 * The gallery's selectors: which runs it shows for a filter, and
 * each run's number. All are pure and memoised on `state.runs` (the array the store replaces on
 * every change), and return the previous result while it is unchanged — so a log line of a
 * running run re-renders nothing, and components can subscribe to them directly (or through
 * `useShallow`). Each costs one pass over the runs when they change (well under a millisecond
 * for 1,000 runs).
 */

/** Whether a filter hides anything at all. */
export function isFiltering(filter: GalleryFilter): boolean {
  return queryWords(filter.query).length > 0 || filter.lora !== null || filter.isFavouritesOnly;
}

/** A query's words, lower-cased (`"  Make  IT "` → `["make", "it"]`). */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

// A run's request object is kept as is while the run changes, so its lower-cased prompt is
// worked out once per run rather than on every keystroke.
const lowerPrompts = new WeakMap<KontextRequest, string>();

function lowerPrompt(request: KontextRequest): string {
  let lower = lowerPrompts.get(request);
  if (lower === undefined) {
    lower = request.prompt.toLowerCase();
    lowerPrompts.set(request, lower);
  }
  return lower;
}

/** Whether a run passes a filter (`words` are the filter's {@link queryWords}). */
export function matchesFilter(
  run: Pick<Run, "request" | "isFavourite">,
  filter: GalleryFilter,
  words: readonly string[] = queryWords(filter.query),
): boolean {
  if (filter.isFavouritesOnly && !run.isFavourite) return false;
  if (filter.lora !== null && !run.request.loras.some((lora) => lora.path === filter.lora)) {
    return false;
  }
  if (words.length === 0) return true;
  const prompt = lowerPrompt(run.request);
  return words.every((word) => prompt.includes(word));
}

/**
 * A selector over `state.runs` that recomputes only when the runs array changes, and keeps the
 * previous result when the new one `isEqual` to it.
 */
export function memoizeOnRuns<T>(
  compute: (runs: readonly Run[]) => T,
  isEqual: (a: T, b: T) => boolean,
): (state: Pick<PlaygroundState, "runs">) => T {
  let lastRuns: readonly Run[] | null = null;
  let last: T | undefined;
  return (state) => {
    if (state.runs === lastRuns) return last as T;
    const next = compute(state.runs);
    lastRuns = state.runs;
    if (last === undefined || !isEqual(last, next)) last = next;
    return last;
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
}

/** The gallery item id of a sweep (`sweep:<id>`), beside run ids in one list. */
export function sweepItemId(sweepId: string): string {
  return `${SWEEP_ITEM_PREFIX}${sweepId}`;
}

/** The sweep id of a gallery item id, or null when the item is a run. */
export function sweepIdOfItem(itemId: string): string | null {
  return itemId.startsWith(SWEEP_ITEM_PREFIX) ? itemId.slice(SWEEP_ITEM_PREFIX.length) : null;
}

const SWEEP_ITEM_PREFIX = "sweep:";

/** The gallery item id of a batch (`batch:<id>`), beside run ids in one list. */
export function batchItemId(batchId: string): string {
  return `${BATCH_ITEM_PREFIX}${batchId}`;
}

/** The batch id of a gallery item id, or null when the item is not a batch. */
export function batchIdOfItem(itemId: string): string | null {
  return itemId.startsWith(BATCH_ITEM_PREFIX) ? itemId.slice(BATCH_ITEM_PREFIX.length) : null;
}

const BATCH_ITEM_PREFIX = "batch:";

/** How many of each kind a list of gallery items holds. */
export interface GalleryItemCounts {
  runs: number;
  sweeps: number;
  batches: number;
}

/** Counts runs, sweeps and batches in a list of gallery item ids. */
export function countGalleryItems(itemIds: readonly string[]): GalleryItemCounts {
  const counts: GalleryItemCounts = { runs: 0, sweeps: 0, batches: 0 };
  for (const id of itemIds) {
    if (id.startsWith(SWEEP_ITEM_PREFIX)) counts.sweeps++;
    else if (id.startsWith(BATCH_ITEM_PREFIX)) counts.batches++;
    else counts.runs++;
  }
  return counts;
}

/** Whether a batch passes a filter: its recipe (LoRAs, prompt) or any item's own prompt; no star. */
function batchMatches(
  batch: BatchRecord,
  filter: GalleryFilter,
  words: readonly string[],
): boolean {
  if (filter.isFavouritesOnly) return false;
  const { loras } = batch.recipe.request;
  if (filter.lora !== null && !loras.some((lora) => lora.path === filter.lora)) return false;
  if (words.length === 0) return true;
  const text = [batch.name, batch.recipe.request.prompt, ...batch.items.map((item) => item.prompt)]
    .join("\n")
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

/** The runs of every batch (shown in the batch's grid, not as runs). */
function batchRunIds(batches: readonly BatchRecord[]): Set<string> {
  const ids = new Set<string>();
  for (const batch of batches) for (const item of batch.items) if (item.runId) ids.add(item.runId);
  return ids;
}

/** Whether a sweep passes a filter: any of its cells' requests matches; sweeps have no star. */
function sweepMatches(
  sweep: SweepRecord,
  filter: GalleryFilter,
  words: readonly string[],
): boolean {
  if (filter.isFavouritesOnly) return false;
  return sweep.cells.some((cell) =>
    matchesFilter({ request: cell.request, isFavourite: false }, filter, words),
  );
}

/**
 * What a filter shows, newest first: run ids, sweeps as `sweep:<id>` items and batches as
 * `batch:<id>` items (their own runs show in their grids, not as runs). Create one selector per
 * filter (e.g. in a `useMemo`): it keeps its own memo, recomputed when the runs, the sweeps or
 * the batches change.
 */
export function selectGalleryRunIds(
  filter: GalleryFilter,
): (
  state: Pick<PlaygroundState, "runs"> & Partial<Pick<PlaygroundState, "sweeps" | "batches">>,
) => string[] {
  const words = queryWords(filter.query);
  let lastRuns: readonly Run[] | null = null;
  let lastSweeps: readonly SweepRecord[] | null = null;
  let lastBatches: readonly BatchRecord[] | null = null;
  let last: string[] = [];
  return (state) => {
    const sweeps = state.sweeps ?? [];
    const batches = state.batches ?? [];
    if (state.runs === lastRuns && sweeps === lastSweeps && batches === lastBatches) return last;
    lastRuns = state.runs;
    lastSweeps = sweeps;
    lastBatches = batches;
    const inSweeps = batchRunIds(batches);
    for (const sweep of sweeps)
      for (const cell of sweep.cells) if (cell.runId) inSweeps.add(cell.runId);
    const items: { id: string; at: number }[] = [];
    for (const run of state.runs) {
      if (!inSweeps.has(run.id) && matchesFilter(run, filter, words)) {
        items.push({ id: run.id, at: run.startedAt });
      }
    }
    if (sweeps.length > 0 || batches.length > 0) {
      for (const sweep of sweeps) {
        if (sweepMatches(sweep, filter, words))
          items.push({ id: sweepItemId(sweep.id), at: sweep.createdAt });
      }
      for (const batch of batches) {
        if (batchMatches(batch, filter, words))
          items.push({ id: batchItemId(batch.id), at: batch.createdAt });
      }
      // Runs are newest first already; a stable sort keeps their order among equal times.
      items.sort((a, b) => b.at - a.at);
    }
    const next = items.map((item) => item.id);
    if (!sameItems(last, next)) last = next;
    return last;
  };
}

/** Everything the gallery holds (runs and sweeps), whatever the filter. */
export const selectAllGalleryItems = selectGalleryRunIds(NO_FILTER);

/**
 * How many runs still in flight a filter hides (a run just started is not starred yet, and may
 * not match the search), so the gallery can say where it went.
 */
export function selectHiddenActiveRunCount(
  filter: GalleryFilter,
): (state: Pick<PlaygroundState, "runs">) => number {
  const words = queryWords(filter.query);
  return (state) => {
    let count = 0;
    for (const run of state.runs) {
      if (run.finishedAt === null && !matchesFilter(run, filter, words)) count++;
    }
    return count;
  };
}

/**
 * Each numbered run's number ({@link Run.serial}), by id. A run keeps its number whatever is
 * filtered, deleted or added ("Run N" is the same everywhere, always); a sweep's cells have none.
 */
export const selectRunNumbers = memoizeOnRuns(
  (runs): ReadonlyMap<string, number> =>
    new Map(runs.flatMap((run) => (run.serial === null ? [] : [[run.id, run.serial] as const]))),
  (a, b) => a.size === b.size && [...a].every(([id, number]) => b.get(id) === number),
);

/**
 * What the stage calls a run: `Run 3` for a numbered run, `Sweep 2 · chair ×0.5` for a sweep's
 * cell (cells take no number; sweeps count oldest first, as their cards do), else `Run`.
 */
export function selectRunTitle(runId: string) {
  return (state: Pick<PlaygroundState, "runs" | "sweeps">): string => {
    const number = selectRunNumbers(state).get(runId);
    if (number !== undefined) return `Run ${number}`;
    const index = state.sweeps.findIndex((sweep) => sweep.cells.some((c) => c.runId === runId));
    const sweep = state.sweeps[index];
    const cell = sweep?.cells.find((c) => c.runId === runId);
    if (!sweep || !cell) return "Run";
    const label = cellTitle(sweep.columnLabels[cell.column], sweep.rowLabels[cell.row]);
    const name = `Sweep ${state.sweeps.length - index}`;
    return label ? `${name} · ${label}` : name;
  };
}

/** Runs by id, for selecting one run without searching the list. */
export const selectRunsById = memoizeOnRuns(
  (runs): ReadonlyMap<string, Run> => new Map(runs.map((run) => [run.id, run])),
  () => false,
);

/** How many runs have finished (what "clear all" deletes; sweeps' and batches' runs stay with them). */
export function selectFinishedRunCount(
  state: Pick<PlaygroundState, "runs"> & Partial<Pick<PlaygroundState, "sweeps" | "batches">>,
): number {
  const inSweeps = new Set<string | null>(batchRunIds(state.batches ?? []));
  for (const sweep of state.sweeps ?? []) for (const cell of sweep.cells) inSweeps.add(cell.runId);
  let count = 0;
  for (const run of state.runs) if (run.finishedAt !== null && !inSweeps.has(run.id)) count++;
  return count;
}

/**
 * What the last deletion did, for its undo notice: `Run 3 deleted` (the deleted run's number) or
 * `12 runs deleted`; null when there is nothing to undo.
 */
export function selectDeletionMessage(
  state: Pick<PlaygroundState, "runs" | "deletion">,
): string | null {
  const deleted = state.deletion?.runs ?? [];
  const [only] = deleted;
  if (!only) return null;
  if (deleted.length > 1) return `${formatCount(deleted.length)} runs deleted`;
  return only.serial === null ? "Sweep cell deleted" : `Run ${only.serial} deleted`;
}
