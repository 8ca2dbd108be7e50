import type { Run } from "./types";

/** A run's place among its edits. */
export interface Lineage {
  /** The run's ancestors, oldest first, then the run itself (ids). */
  chain: string[];
  /** Runs made from this run's results ("use as input"), oldest first (ids). */
  children: string[];
  /** The chain reaches a run that is no longer in the history. */
  hasMissingAncestor: boolean;
}

/**
 * The chain of edits that led to a run (following `parentId` while the parent is in `runs`) and
 * the runs edited from it. Stops at a loop (a corrupt or imported history could hold one).
 * `runs` is newest first, as the store keeps them.
 */
export function lineageOf(runs: readonly Pick<Run, "id" | "parentId">[], runId: string): Lineage {
  const byId = new Map(runs.map((run) => [run.id, run]));
  const chain: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(runId);
  let hasMissingAncestor = false;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current.id);
    const { parentId } = current;
    if (parentId === null) break;
    current = byId.get(parentId);
    if (!current) hasMissingAncestor = true;
  }
  const children = runs
    .filter((run) => run.parentId === runId && run.id !== runId)
    .map((run) => run.id)
    .reverse();
  return { chain, children, hasMissingAncestor };
}
