"use client";

import { describedBy, Field } from "@/components/ui/field";
import { SETTING_INFO } from "./setting-info";
import { SettingNumberInput } from "./setting-number-input";
import { SettingReset } from "./setting-reset";
import { useSetting } from "./use-setting";

/** A range slider with a number field beside it for typing exact values. */
export function SettingSlider({
  settingKey,
}: {
  settingKey: "num_inference_steps" | "guidance_scale";
}) {
  const info = SETTING_INFO[settingKey];
  const { id, value, error, setValue } = useSetting(settingKey);
  const describedIds = describedBy(id, true, error);
  return (
    <Field
      id={id}
      label={info.label}
      description={info.description}
      error={error}
      aside={<SettingReset keys={[settingKey]} label={info.label} />}
    >
      <div className="flex items-center gap-3">
        <input
          type="range"
          aria-label={`${info.label} slider`}
          min={info.min}
          max={info.max}
          step={info.step}
          value={value}
          onChange={(event) => setValue(Number(event.target.value))}
          aria-describedby={describedIds}
          className="h-2 min-w-0 flex-1 cursor-pointer accent-accent-600 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-accent-500 dark:accent-accent-500"
        />
        <div className="w-20 shrink-0">
          <SettingNumberInput
            id={id}
            settingKey={settingKey}
            describedBy={describedIds}
            className="px-2 text-right"
          />
        </div>
      </div>
    </Field>
  );
}
