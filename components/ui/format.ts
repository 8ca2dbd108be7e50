import { LIMITS, PLAYGROUND_LIMITS } from "@/lib/kontext/endpoint";

/** The LoRA scale grid: the slider's and number box's step; the store rounds to the same grid. */
export const LORA_SCALE_STEP = PLAYGROUND_LIMITS.loraScaleStep;

/** A scale without trailing zeros or float noise: 1 → "1", 0.9 → "0.9", 0.1 + 0.2 → "0.3". */
export function formatScale(scale: number): string {
  return String(Number(scale.toFixed(2)));
}

/** `1360×768` (add " px" where the unit is not obvious). */
export function formatSize(size: { width: number; height: number }): string {
  return `${size.width}×${size.height}`;
}

/** The LoRA scale field's one-line explanation, with its range and default from LIMITS. */
export const LORA_SCALE_DESCRIPTION = `Strength of the LoRA (${LIMITS.loraScale.min}–${LIMITS.loraScale.max}, default ${LIMITS.loraScale.default}); ${LIMITS.loraScale.min} turns it off.`;
