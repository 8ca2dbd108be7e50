import { hasPixels } from "@/lib/domain/form";
import type { Run } from "@/lib/domain/run";
import { estimatePrice, type PriceEstimate } from "@/lib/kontext/pricing";
import { outputSize, type Size } from "@/lib/kontext/resolution";
import type { PlaygroundState } from "./state";

/** The run with id `id`, if the store has it (none for a null id). */
export function runOf(state: Pick<PlaygroundState, "runs">, id: string | null): Run | undefined {
  return id === null ? undefined : state.runs.find((run) => run.id === id);
}

/**
 * The output size the next run will have, or null until an image with a usable size is chosen
 * (a fixed ratio needs none).
 */
export function selectPredictedSize(state: PlaygroundState): Size | null {
  const mode = state.settings.resolution_mode;
  if (mode !== "auto" && mode !== "match_input") return outputSize(mode, { width: 1, height: 1 });
  return state.image && hasPixels(state.image) ? outputSize(mode, state.image) : null;
}

/** The estimated price of the next run, or null while the size is unknown. */
export function selectPrice(state: PlaygroundState): PriceEstimate | null {
  const size = selectPredictedSize(state);
  return size ? estimatePrice(size, state.settings.num_images) : null;
}

/** Runs that have not finished. */
export function selectActiveRunCount(state: PlaygroundState): number {
  return state.runs.filter((run) => run.finishedAt === null).length;
}
