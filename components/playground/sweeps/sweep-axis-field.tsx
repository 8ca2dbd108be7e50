"use client";

import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { describedBy, Field, FieldError, INPUT_CLASS } from "@/components/ui/field";
import type { AxisInput } from "@/lib/store/outcomes";
import type { AxisKind } from "@/lib/sweep/axis";
import { AXIS_KINDS } from "./sweep-axis-kinds";
import { SweepAxisTarget } from "./sweep-axis-target";
import { SweepImageValues } from "./sweep-image-values";
import { SweepLoraPicker } from "./sweep-lora-picker";

/** One axis of a sweep: what varies, which LoRA (for scales) and the values. */
export function SweepAxisField({
  index,
  axis,
  otherKind,
  error,
  onChange,
}: {
  index: number;
  axis: AxisInput;
  /** The other axis's kind, if any: a scale axis can scale the LoRAs it sweeps. */
  otherKind: AxisKind | null;
  error: string | undefined;
  onChange: (axis: AxisInput) => void;
}) {
  const stackPaths = usePlaygroundStore(
    useShallow((s) =>
      s.loras.filter((lora) => lora.isEnabled && lora.path.trim()).map((lora) => lora.path.trim()),
    ),
  );
  const name = index === 0 ? "Columns" : "Rows";
  const id = `sweep-axis-${index + 1}`;
  const info = AXIS_KINDS[axis.kind];
  const isMultiline = axis.kind === "prompt" || axis.kind === "lora";
  const hasFormImage = usePlaygroundStore((s) => s.image !== null);

  function setKind(kind: AxisKind) {
    if (kind === "image") {
      // The form's image is the first value, when there is one.
      onChange({
        kind,
        text: "",
        images: hasFormImage ? [{ source: "current", id: "current" }] : [],
      });
      return;
    }
    const target =
      kind === "lora_scale"
        ? stackPaths[0]
          ? ({ kind: "stack", path: stackPaths[0] } as const)
          : ({ kind: "swept" } as const)
        : undefined;
    onChange({ kind, text: "", ...(target ? { target } : {}) });
  }

  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-neutral-200 p-3 dark:border-neutral-800">
      <legend className="px-1 text-xs font-semibold text-neutral-600 dark:text-neutral-400">
        {name} (axis {index + 1})
      </legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-kind`} label={`Vary (axis ${index + 1})`}>
          <select
            id={`${id}-kind`}
            value={axis.kind}
            onChange={(event) => setKind(event.target.value as AxisKind)}
            className={`${INPUT_CLASS} cursor-pointer`}
          >
            {(Object.keys(AXIS_KINDS) as AxisKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {AXIS_KINDS[kind].label}
              </option>
            ))}
          </select>
        </Field>
        {axis.kind === "lora_scale" ? (
          <SweepAxisTarget
            id={id}
            index={index}
            axis={axis}
            otherKind={otherKind}
            stackPaths={stackPaths}
            onChange={onChange}
          />
        ) : null}
      </div>
      <div className="flex flex-col gap-1.5">
        {axis.kind === "image" ? (
          <>
            <p
              id={`${id}-values-label`}
              className="text-sm font-medium text-neutral-900 dark:text-neutral-100"
            >
              Values of axis {index + 1}
            </p>
            <SweepImageValues id={id} index={index} axis={axis} />
          </>
        ) : (
          <label
            htmlFor={`${id}-values`}
            className="text-sm font-medium text-neutral-900 dark:text-neutral-100"
          >
            Values of axis {index + 1}
          </label>
        )}
        {axis.kind === "image" ? null : isMultiline ? (
          <textarea
            id={`${id}-values`}
            value={axis.text}
            rows={3}
            placeholder={info.placeholder}
            onChange={(event) => onChange({ ...axis, text: event.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(`${id}-values`, true, error)}
            className={`${INPUT_CLASS} resize-y font-mono text-xs`}
          />
        ) : (
          <input
            id={`${id}-values`}
            value={axis.text}
            placeholder={info.placeholder}
            onChange={(event) => onChange({ ...axis, text: event.target.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(`${id}-values`, true, error)}
            className={`${INPUT_CLASS} tabular-nums`}
            spellCheck={false}
            autoComplete="off"
          />
        )}
        {axis.kind === "lora" ? (
          <SweepLoraPicker
            id={`${id}-library`}
            text={axis.text}
            onChange={(text) => onChange({ ...axis, text })}
          />
        ) : null}
        <p
          id={`${id}-values-description`}
          className="text-xs text-neutral-600 dark:text-neutral-400"
        >
          {info.hint}
        </p>
        <FieldError id={`${id}-values`} error={error} />
      </div>
    </fieldset>
  );
}
