"use client";

import { useState } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { INPUT_CLASS } from "@/components/ui/field";
import { parseNumberText, SETTING_INFO, syncNumberText } from "./setting-info";

type NumberKey = "num_inference_steps" | "guidance_scale" | "seed";

/**
 * A number field that lets people type freely: the text is local, every change that parses
 * is committed to the store, and range checks are left to the run check (`fieldErrors`).
 */
export function SettingNumberInput({
  id,
  settingKey,
  describedBy,
  disabled = false,
  placeholder,
  className = "",
}: {
  id: string;
  settingKey: NumberKey;
  describedBy?: string;
  disabled?: boolean;
  /** Shown (with an empty field) while disabled. */
  placeholder?: string;
  className?: string;
}) {
  const info = SETTING_INFO[settingKey];
  const value = usePlaygroundStore((s) => s.settings[settingKey]);
  const hasError = usePlaygroundStore((s) => Boolean(s.fieldErrors[settingKey]));
  const setSetting = usePlaygroundStore((s) => s.setSetting);
  const [text, setText] = useState(() => String(value));
  const [shownValue, setShownValue] = useState(value);
  // The store changed from elsewhere (slider, reset, reused run): show the new value.
  if (shownValue !== value) {
    setShownValue(value);
    setText(syncNumberText(text, value));
  }
  const showPlaceholder = disabled && placeholder !== undefined;
  return (
    <input
      id={id}
      type="number"
      inputMode={info.integer ? "numeric" : "decimal"}
      min={info.min}
      max={info.max}
      step={info.step}
      value={showPlaceholder ? "" : text}
      placeholder={showPlaceholder ? placeholder : undefined}
      disabled={disabled}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        const parsed = parseNumberText(next);
        if (parsed !== null) setSetting(settingKey, parsed);
      }}
      onBlur={() => {
        if (parseNumberText(text) === null) setText(String(value));
      }}
      aria-invalid={hasError ? true : undefined}
      aria-describedby={describedBy}
      className={`${INPUT_CLASS} tabular-nums disabled:cursor-not-allowed disabled:opacity-60 ${className}`}
    />
  );
}
