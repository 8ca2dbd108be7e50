"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import type { Settings } from "@/lib/store/types";

/**
 * "Reset" beside a setting, named "Reset <label>" (hidden text rather than aria-label, so
 * `getByLabel("<label>")` finds only the control); disabled while the value is the default.
 */
export function SettingReset({
  keys,
  label,
}: {
  keys: readonly (keyof Settings)[];
  label: string;
}) {
  const isDefault = usePlaygroundStore((s) =>
    keys.every((key) => s.settings[key] === DEFAULT_SETTINGS[key]),
  );
  const resetSetting = usePlaygroundStore((s) => s.resetSetting);
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={isDefault}
      onClick={() => {
        for (const key of keys) resetSetting(key);
      }}
      className="text-neutral-600 disabled:opacity-40 dark:text-neutral-400"
    >
      Reset<span className="sr-only"> {label}</span>
    </Button>
  );
}
