import type { AxisInput } from "./outcomes";

/**
 * The sweep form's defaults and limits: small, so the first screen and the sweep components can
 * import them without the sweep engine (`./sweep-engine`, loaded at first use).
 */

/** How many cells of a sweep run at once, unless the person chooses otherwise. */
export const DEFAULT_SWEEP_CONCURRENCY = 2;
/** The most cells a sweep may run at once. */
export const MAX_SWEEP_CONCURRENCY = 8;

/** The sweep form's axes before anything is typed. */
export const DEFAULT_SWEEP_FORM: AxisInput[] = [{ kind: "lora_scale", text: "0, 0.5, 1, 1.5" }];

/** A concurrency as a whole number from 1 to {@link MAX_SWEEP_CONCURRENCY}; the default when not a number. */
export function clampSweepConcurrency(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_SWEEP_CONCURRENCY;
  return Math.min(MAX_SWEEP_CONCURRENCY, Math.max(1, Math.round(value)));
}
