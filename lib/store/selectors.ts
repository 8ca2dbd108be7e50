import type { Run } from "@/lib/domain/run";
import type { PlaygroundState } from "./state";

/** The run with id `id`, if the store has it (none for a null id). */
export function runOf(state: Pick<PlaygroundState, "runs">, id: string | null): Run | undefined {
  return id === null ? undefined : state.runs.find((run) => run.id === id);
}

/** Runs that have not finished. */
export function selectActiveRunCount(state: PlaygroundState): number {
  return state.runs.filter((run) => run.finishedAt === null).length;
}
