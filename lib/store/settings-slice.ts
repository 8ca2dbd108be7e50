import type { StateCreator } from "zustand";
import { withoutKey } from "@/lib/domain/form";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import type { PlaygroundState, SettingsSlice } from "./state";

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
