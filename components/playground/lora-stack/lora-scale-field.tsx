"use client";

import { useState } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { describedBy, FieldError, INPUT_CLASS } from "@/components/ui/field";
import { formatScale, LORA_SCALE_DESCRIPTION, LORA_SCALE_STEP } from "@/components/ui/format";
import { LIMITS } from "@/lib/kontext/endpoint";
import { loraDomId, parseScaleDraft } from "./lora-format";

const { min, max } = LIMITS.loraScale;

/**
 * How strongly one LoRA is merged: a slider across the row's full width and a number box, bound
 * to the same scale. The range is said to screen readers and in the label's tooltip.
 */
export function LoraScaleField({ id }: { id: string }) {
  const position = usePlaygroundStore((s) => s.loras.findIndex((lora) => lora.id === id) + 1);
  const scale = usePlaygroundStore(
    (s) => s.loras.find((lora) => lora.id === id)?.scale ?? LIMITS.loraScale.default,
  );
  const error = usePlaygroundStore((s) => s.fieldErrors[`lora:${id}:scale`]);
  const updateLora = usePlaygroundStore((s) => s.updateLora);
  // What is typed in the number box while it has focus ("", "0.") before it is a number.
  const [draft, setDraft] = useState<string | null>(null);
  const sliderId = loraDomId(id, "scale");
  const describedIds = describedBy(sliderId, true, error);

  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-3">
        <label
          htmlFor={sliderId}
          title={LORA_SCALE_DESCRIPTION}
          className="shrink-0 text-xs font-medium text-neutral-700 dark:text-neutral-300"
        >
          Scale
        </label>
        <input
          id={sliderId}
          type="range"
          aria-label={`LoRA ${position} scale`}
          min={min}
          max={max}
          step={LORA_SCALE_STEP}
          value={scale}
          onChange={(event) => updateLora(id, { scale: Number(event.target.value) })}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedIds}
          className="h-8 min-w-0 flex-1 cursor-pointer accent-accent-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
        />
        <div className="w-20 shrink-0">
          <input
            id={loraDomId(id, "scale-value")}
            type="number"
            inputMode="decimal"
            aria-label={`LoRA ${position} scale value`}
            min={min}
            max={max}
            step={LORA_SCALE_STEP}
            value={draft ?? formatScale(scale)}
            onChange={(event) => {
              setDraft(event.target.value);
              const typed = parseScaleDraft(event.target.value);
              if (typed !== null) updateLora(id, { scale: typed });
            }}
            onBlur={() => setDraft(null)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedIds}
            className={`${INPUT_CLASS} px-2 py-1.5 tabular-nums`}
          />
        </div>
      </div>
      <p id={`${sliderId}-description`} className="sr-only">
        {LORA_SCALE_DESCRIPTION}
      </p>
      <FieldError id={sliderId} error={error} />
    </div>
  );
}
