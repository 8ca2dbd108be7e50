"use client";

import type { ReactNode } from "react";
import { describedBy, FieldError } from "@/components/ui/field";

/** A setting's one-line explanation and its error, with the ids `describedBy` points at. */
export function SettingMessages({
  id,
  description,
  error,
}: {
  id: string;
  description: string;
  error?: string;
}) {
  return (
    <>
      <p id={`${id}-description`} className="text-xs text-neutral-600 dark:text-neutral-400">
        {description}
      </p>
      <FieldError id={id} error={error} />
    </>
  );
}

/** A group of controls (radios, a seed row) under a legend, laid out like `Field`. */
export function SettingFieldset({
  id,
  legend,
  description,
  error,
  aside,
  children,
}: {
  id: string;
  legend: string;
  description: string;
  error?: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <fieldset aria-describedby={describedBy(id, true, error)} className="relative min-w-0">
      <legend className="float-left w-full text-sm leading-8 font-medium text-neutral-900 dark:text-neutral-100">
        {legend}
      </legend>
      {aside ? <div className="absolute top-0 right-0 flex items-center gap-1">{aside}</div> : null}
      <div className="clear-left flex flex-col gap-1.5 pt-1.5">
        {children}
        <SettingMessages id={id} description={description} error={error} />
      </div>
    </fieldset>
  );
}

export interface SegmentOption {
  value: string;
  label: string;
  /** A tooltip with more detail. */
  title?: string;
}

/** A row of equal-width radio buttons that looks like a segmented control. */
export function SegmentedRadios({
  name,
  options,
  value,
  onChange,
  invalid = false,
}: {
  name: string;
  options: readonly SegmentOption[];
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
}) {
  return (
    <div className="grid auto-cols-fr grid-flow-col gap-1 rounded-lg border border-neutral-200 bg-neutral-100 p-1 dark:border-neutral-800 dark:bg-neutral-950">
      {options.map((option) => (
        <label key={option.value} title={option.title} className="relative flex">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
            aria-invalid={invalid ? true : undefined}
            className="peer absolute inset-0 m-0 size-full cursor-pointer appearance-none opacity-0"
          />
          <span className="flex h-8 w-full items-center justify-center rounded-md px-2 text-sm text-neutral-700 tabular-nums transition-colors peer-checked:bg-white peer-checked:font-medium peer-checked:text-neutral-900 peer-checked:shadow-sm peer-hover:text-neutral-900 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-accent-500 dark:text-neutral-300 dark:peer-checked:bg-neutral-800 dark:peer-checked:text-neutral-100 dark:peer-hover:text-neutral-100">
            {option.label}
          </span>
        </label>
      ))}
    </div>
  );
}
