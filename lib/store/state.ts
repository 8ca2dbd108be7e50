import type { StoreApi } from "zustand/vanilla";
import type { HistorySlice } from "./history-slice";
import type { InputSlice } from "./input-slice";
import type { LibrarySlice } from "./library-slice";
import type { LoraSlice } from "./lora-slice";
import type { PersistenceSlice } from "./persistence-slice";
import type { RunsSlice } from "./runs-slice";
import type { SettingsSlice } from "./settings-slice";
import type { SweepSlice } from "./sweep-slice";
import type { TransferSlice } from "./transfer-slice";
import type { PlaygroundServices } from "./types";

/**
 * The playground's one store: input, LoRAs, settings, runs, their history and its import/export,
 * and the LoRA library.
 */
export type PlaygroundState = InputSlice &
  LoraSlice &
  SettingsSlice &
  RunsSlice &
  PersistenceSlice &
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
