"use client";

import { type FocusEvent, useState } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { describedBy, Field, INPUT_CLASS } from "@/components/ui/field";
import { normalizeLoraPath } from "@/lib/domain/lora-path";
import { loraDomId } from "./lora-format";

/** The weight-file URL of one LoRA, normalised (blob → resolve) when it loses focus. */
export function LoraPathField({ id }: { id: string }) {
  const position = usePlaygroundStore((s) => s.loras.findIndex((lora) => lora.id === id) + 1);
  const path = usePlaygroundStore((s) => s.loras.find((lora) => lora.id === id)?.path ?? "");
  const storeError = usePlaygroundStore((s) => s.fieldErrors[`lora:${id}:path`]);
  const updateLora = usePlaygroundStore((s) => s.updateLora);
  // Shown as soon as the field loses focus; the store's error appears once a run is attempted.
  const [localError, setLocalError] = useState<string | null>(null);
  const inputId = loraDomId(id, "path");
  const error = storeError ?? localError ?? undefined;

  function handleBlur(event: FocusEvent<HTMLInputElement>) {
    const value = event.currentTarget.value;
    // An empty new row is not an error yet; the run's check names it if it is still empty.
    if (!value.trim()) return setLocalError(null);
    const checked = normalizeLoraPath(value);
    if (!checked.ok) return setLocalError(checked.message);
    setLocalError(null);
    if (checked.path !== value) updateLora(id, { path: checked.path });
  }

  return (
    <Field id={inputId} label="Path" error={error}>
      <input
        id={inputId}
        type="url"
        inputMode="url"
        aria-label={`LoRA ${position} path`}
        placeholder="https://huggingface.co/…/resolve/main/….safetensors"
        autoComplete="off"
        spellCheck={false}
        value={path}
        onChange={(event) => {
          setLocalError(null);
          updateLora(id, { path: event.target.value });
        }}
        onBlur={handleBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, false, error)}
        className={`${INPUT_CLASS} font-mono text-xs`}
      />
    </Field>
  );
}
