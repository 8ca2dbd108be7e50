import { createStore } from "zustand/vanilla";
import { createBatchSlice } from "./batch-slice";
import { createHistorySlice } from "./history-slice";
import { createInputSlice } from "./input-slice";
import { createLibrarySlice } from "./library-slice";
import { createLoraSlice } from "./lora-slice";
import { autosaveDraft, createPersistenceSlice } from "./persistence-slice";
import { createRunsSlice } from "./runs-slice";
import { createSettingsSlice } from "./settings-slice";
import { createStageSlice } from "./stage-slice";
import type { PlaygroundState, PlaygroundStore } from "./state";
import { autosaveSweepSetup, createSweepSlice } from "./sweep-slice";
import { createTransferSlice } from "./transfer-slice";
import type { PlaygroundServices } from "./types";

export { canRetryRun } from "@/lib/domain/run";
export type { AlertTopic, RunAlert } from "./alerts";
export { DRAFT_SAVE_DELAY_MS } from "./persistence-slice";
export { selectActiveRunCount } from "./selectors";
export { selectStageRunId } from "./stage-slice";
export type { PlaygroundState, PlaygroundStore } from "./state";

export interface PlaygroundStoreOptions {
  /** What the server runs edits on; `local` unless told. */
  backend?: "fal" | "local";
}

/**
 * Creates a store per mount (never a module-global one: Next renders on the server too), with the
 * draft autosave ({@link autosaveDraft}) switched on.
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
    ...createStageSlice(...args),
    ...createPersistenceSlice(...args),
    ...createHistorySlice(...args),
    ...createTransferSlice(...args),
    ...createSweepSlice(...args),
    ...createBatchSlice(...args),
    ...createLibrarySlice(...args),
  }));
  autosaveDraft(store);
  autosaveSweepSetup(store);
  return store;
}
