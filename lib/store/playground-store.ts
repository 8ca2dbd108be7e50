import { createStore, type StoreApi } from "zustand/vanilla";
import { hasPixels } from "@/lib/domain/form";
import { estimatePrice, type PriceEstimate } from "@/lib/kontext/pricing";
import { outputSize, type Size } from "@/lib/kontext/resolution";
import { createHistorySlice, type HistorySlice } from "./history-slice";
import { createInputSlice, type InputSlice } from "./input-slice";
import { createLibrarySlice, type LibrarySlice } from "./library-slice";
import { createLoraSlice, type LoraSlice } from "./lora-slice";
import { createRunsSlice, type RunsSlice } from "./runs-slice";
import { createSettingsSlice, type SettingsSlice } from "./settings-slice";
import { createSweepSlice, type SweepSlice } from "./sweep-slice";
import { createTransferSlice, type TransferSlice } from "./transfer-slice";
import type { PlaygroundServices } from "./types";

/**
 * The playground's one store: input, LoRAs, settings, runs, their history and its import/export,
 * and the LoRA library.
 */
export type PlaygroundState = InputSlice &
  LoraSlice &
  SettingsSlice &
  RunsSlice &
  HistorySlice &
  TransferSlice &
  SweepSlice &
  LibrarySlice & {
    /** Side effects (fal, files, clock), injected so tests can pass fakes. */
    services: PlaygroundServices;
    /** What the server runs edits on, as the page was told; recorded with every saved run. */
    backend: "fal" | "local";
  };

export type PlaygroundStore = StoreApi<PlaygroundState>;

export { canRetryRun } from "@/lib/domain/run";
export type { AlertTopic, RunAlert } from "./runs-slice";

/** How long the form must stay unchanged before its draft is saved. */
export const DRAFT_SAVE_DELAY_MS = 400;

export interface PlaygroundStoreOptions {
  /** What the server runs edits on; `local` unless told. */
  backend?: "fal" | "local";
}

/**
 * Creates a store per mount (never a module-global one: Next renders on the server too). With a
 * history service, the form's draft (prompt, LoRAs, settings) is saved {@link DRAFT_SAVE_DELAY_MS}
 * after it last changed (at once when a run starts), once the history has been loaded (so a saved
 * draft is never overwritten before it is read).
 */
export function createPlaygroundStore(
  services: PlaygroundServices,
  options: PlaygroundStoreOptions = {},
): PlaygroundStore {
  const store = createStore<PlaygroundState>()((...args) => ({
    services,
    backend: options.backend ?? "local",
    ...createInputSlice(...args),
    ...createLoraSlice(...args),
    ...createSettingsSlice(...args),
    ...createRunsSlice(...args),
    ...createHistorySlice(...args),
    ...createTransferSlice(...args),
    ...createSweepSlice(...args),
    ...createLibrarySlice(...args),
  }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    void store.getState().saveDraft();
  };
  store.subscribe((state, previous) => {
    if (!state.services.history || !state.isHistoryLoaded) return;
    const isFormChanged =
      state.prompt !== previous.prompt ||
      state.loras !== previous.loras ||
      state.settings !== previous.settings;
    if (isFormChanged) {
      clearTimeout(timer);
      timer = setTimeout(saveNow, DRAFT_SAVE_DELAY_MS);
    }
    // A run starting saves a pending draft at once: the form it ran with is worth keeping.
    const isRunStarted = state.runs.length > previous.runs.length;
    if (isRunStarted && timer !== undefined) saveNow();
  });
  return store;
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
