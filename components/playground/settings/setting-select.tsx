"use client";

import { describedBy, Field, INPUT_CLASS } from "@/components/ui/field";
import { optionText, SETTING_INFO } from "./setting-info";
import { SettingReset } from "./setting-reset";
import { useSetting } from "./use-setting";

/** A `<select>` for an enum setting; each option shows its note ("16:9 — 1360×768"). */
export function SettingSelect({ settingKey }: { settingKey: "acceleration" | "resolution_mode" }) {
  const info = SETTING_INFO[settingKey];
  const { id, value, error, setValue } = useSetting(settingKey);
  const options: readonly { value: string; label: string; note: string }[] = info.options;
  return (
    <Field
      id={id}
      label={info.label}
      description={info.description}
      error={error}
      aside={<SettingReset keys={[settingKey]} label={info.label} />}
    >
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const chosen = info.options.find((option) => option.value === event.target.value);
          if (chosen) setValue(chosen.value);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, true, error)}
        className={`${INPUT_CLASS} cursor-pointer`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {optionText(option)}
          </option>
        ))}
      </select>
    </Field>
  );
}
