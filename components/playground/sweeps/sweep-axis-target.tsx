"use client";

import { Field, INPUT_CLASS } from "@/components/ui/field";
import { loraLabel } from "@/lib/kontext/known-loras";
import type { AxisInput } from "@/lib/store/outcomes";
import type { AxisKind } from "@/lib/sweep/axis";

const SWEPT = "__swept__";

/** Which LoRA a LoRA-scale axis scales: one of the stack's, or those the other axis sweeps. */
export function SweepAxisTarget({
  id,
  index,
  axis,
  otherKind,
  stackPaths,
  onChange,
}: {
  id: string;
  index: number;
  axis: AxisInput;
  otherKind: AxisKind | null;
  /** The enabled LoRAs of the stack, by path. */
  stackPaths: string[];
  onChange: (axis: AxisInput) => void;
}) {
  const targetValue = axis.target?.kind === "stack" ? axis.target.path : SWEPT;
  return (
    <Field id={`${id}-target`} label={`LoRA to scale (axis ${index + 1})`}>
      <select
        id={`${id}-target`}
        value={targetValue}
        onChange={(event) =>
          onChange({
            ...axis,
            target:
              event.target.value === SWEPT
                ? { kind: "swept" }
                : { kind: "stack", path: event.target.value },
          })
        }
        className={`${INPUT_CLASS} cursor-pointer`}
      >
        {stackPaths.map((path) => (
          <option key={path} value={path}>
            {loraLabel(path)}
          </option>
        ))}
        {otherKind === "lora" || stackPaths.length === 0 ? (
          <option value={SWEPT}>The LoRAs of the other axis</option>
        ) : null}
      </select>
    </Field>
  );
}
