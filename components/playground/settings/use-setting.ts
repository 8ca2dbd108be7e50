"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import type { Settings } from "@/lib/store/types";

/** The DOM id of a setting's control (its label, description and error point at it). */
export function settingId(key: keyof Settings): string {
  return `setting-${key}`;
}

/** One setting's value, its field error and a setter, read with narrow selectors. */
export function useSetting<K extends keyof Settings>(key: K) {
  const value = usePlaygroundStore((s) => s.settings[key]);
  const error = usePlaygroundStore((s) => s.fieldErrors[key]);
  const setSetting = usePlaygroundStore((s) => s.setSetting);
  return {
    id: settingId(key),
    value,
    error,
    setValue: (next: Settings[K]) => setSetting(key, next),
  };
}
