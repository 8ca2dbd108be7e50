"use client";

import { describedBy } from "@/components/ui/field";
import { SETTING_INFO } from "./setting-info";
import { SettingMessages } from "./setting-layout";
import { SettingReset } from "./setting-reset";
import { useSetting } from "./use-setting";

/** A checkbox setting with its label beside it. */
export function SettingToggle({
  settingKey,
}: {
  settingKey: "enable_safety_checker" | "sync_mode";
}) {
  const info = SETTING_INFO[settingKey];
  const { id, value: checked, error, setValue } = useSetting(settingKey);
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <div className="flex min-h-8 items-center gap-2.5">
          <input
            id={id}
            type="checkbox"
            checked={checked}
            onChange={(event) => setValue(event.target.checked)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, true, error)}
            className="size-4 shrink-0 cursor-pointer rounded accent-accent-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:accent-accent-500"
          />
          <label
            htmlFor={id}
            className="cursor-pointer text-sm font-medium text-neutral-900 dark:text-neutral-100"
          >
            {info.label}
          </label>
        </div>
        <SettingReset keys={[settingKey]} label={info.label} />
      </div>
      <SettingMessages id={id} description={info.description} error={error} />
    </div>
  );
}
