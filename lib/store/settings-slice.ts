import type { StateCreator } from "zustand";
import { LIMITS } from "@/lib/kontext/endpoint";
import type { PlaygroundState } from "./playground-store";
import type { Settings } from "./types";

/** The endpoint's defaults, as the form starts. */
export const DEFAULT_SETTINGS: Settings = {
  num_inference_steps: LIMITS.steps.default,
  guidance_scale: LIMITS.guidance.default,
  num_images: LIMITS.numImages.default,
  output_format: "png",
  acceleration: "none",
  resolution_mode: "match_input",
  enable_safety_checker: true,
  sync_mode: false,
  seedMode: "random",
  seed: 42,
};

export interface SettingsSlice {
  settings: Settings;
  /** The seed of the last finished run, for "reuse the last seed". */
  lastSeed: number | null;
  setSetting: <K extends keyof Settings>(key: K, value: Settings[K]) => void;
  resetSetting: (key: keyof Settings) => void;
  resetSettings: () => void;
  /** Fixes the seed to the last run's. */
  reuseLastSeed: () => void;
}

export const createSettingsSlice: StateCreator<PlaygroundState, [], [], SettingsSlice> = (
  set,
  get,
) => ({
  settings: { ...DEFAULT_SETTINGS },
  lastSeed: null,
  setSetting: (key, value) =>
    set((state) => ({
      settings: { ...state.settings, [key]: value },
      fieldErrors: withoutKey(state.fieldErrors, key === "seedMode" ? "seed" : key),
    })),
  resetSetting: (key) => get().setSetting(key, DEFAULT_SETTINGS[key]),
  resetSettings: () =>
    set((state) => ({
      settings: { ...DEFAULT_SETTINGS },
      fieldErrors: Object.fromEntries(
        Object.entries(state.fieldErrors).filter(([key]) => !(key in DEFAULT_SETTINGS)),
      ),
    })),
  reuseLastSeed: () => {
    const { lastSeed } = get();
    if (lastSeed === null) return;
    set((state) => ({
      settings: { ...state.settings, seedMode: "fixed", seed: lastSeed },
      fieldErrors: withoutKey(state.fieldErrors, "seed"),
    }));
  },
});

/** A copy of `record` without `key`. */
export function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const { [key]: _removed, ...rest } = record;
  return rest;
}
