"use client";

import type { ComponentPropsWithoutRef } from "react";
import { describedBy, Field, INPUT_CLASS } from "@/components/ui/field";

type InputProps = Omit<
  ComponentPropsWithoutRef<"input">,
  "id" | "value" | "onChange" | "className" | "children"
>;

/** One field of the library's form: label, input (or textarea), description and its error. */
export function LibraryFormField({
  id,
  label,
  value,
  error,
  description,
  multiline = false,
  className = "",
  onChange,
  ...inputProps
}: InputProps & {
  id: string;
  label: string;
  value: string;
  error?: string;
  description?: string;
  /** A two-line textarea instead of an input. */
  multiline?: boolean;
  /** Extra classes for the control. */
  className?: string;
  onChange: (value: string) => void;
}) {
  const shared = {
    id,
    value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, Boolean(description), error),
  };
  return (
    <Field id={id} label={label} description={description} error={error}>
      {multiline ? (
        <textarea
          {...shared}
          rows={2}
          onChange={(event) => onChange(event.target.value)}
          className={`${INPUT_CLASS} min-h-16 resize-y ${className}`}
        />
      ) : (
        <input
          {...shared}
          {...inputProps}
          onChange={(event) => onChange(event.target.value)}
          className={`${INPUT_CLASS} ${className}`}
        />
      )}
    </Field>
  );
}
