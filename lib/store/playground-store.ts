import { createStore, type StoreApi } from "zustand/vanilla";
import { estimatePrice, type PriceEstimate } from "@/lib/kontext/pricing";
import { outputSize, type Size } from "@/lib/kontext/resolution";
import { createInputSlice, type InputSlice } from "./input-slice";
import { createLoraSlice, type LoraSlice } from "./lora-slice";
import { createRunsSlice, hasPixels, type RunsSlice } from "./runs-slice";
import { createSettingsSlice, type SettingsSlice } from "./settings-slice";
import type { PlaygroundServices } from "./types";

/** The playground's one store: input, LoRAs, settings and runs. */
export type PlaygroundState = InputSlice &
  LoraSlice &
  SettingsSlice &
  RunsSlice & {
    /** Side effects (fal, files, clock), injected so tests can pass fakes. */
    services: PlaygroundServices;
  };

export type PlaygroundStore = StoreApi<PlaygroundState>;

export { type AlertTopic, canRetryRun, type RunAlert } from "./runs-slice";

/** Creates a store per mount (never a module-global one: Next renders on the server too). */
export function createPlaygroundStore(services: PlaygroundServices): PlaygroundStore {
  return createStore<PlaygroundState>()((...args) => ({
    services,
    ...createInputSlice(...args),
    ...createLoraSlice(...args),
    ...createSettingsSlice(...args),
    ...createRunsSlice(...args),
  }));
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
