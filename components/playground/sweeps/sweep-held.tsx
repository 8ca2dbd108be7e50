"use client";

import type { KontextRequest } from "@/lib/kontext/schema";
import { formatHeld, sweepHeld } from "@/lib/sweep/held";
import { useLoraName } from "./use-lora-name";

/**
 * "Held: Plushie ×1 · “make it snow” · seed 42": what every cell of a sweep shares — the LoRAs
 * of the stack and their scales, the prompt and the seed — so nothing applied is hidden.
 */
export function SweepHeld({
  requests,
  className = "",
}: {
  requests: readonly Pick<KontextRequest, "loras" | "prompt" | "seed">[];
  className?: string;
}) {
  const name = useLoraName();
  if (requests.length === 0) return null;
  return (
    <p className={`text-xs break-words text-neutral-700 dark:text-neutral-300 ${className}`}>
      {formatHeld(sweepHeld(requests), name)}
    </p>
  );
}
