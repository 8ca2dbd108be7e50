import type { KontextRequest } from "@/lib/kontext/schema";
import { formatAxisNumber } from "./axis";

/** What every cell of a sweep shares: the LoRAs, the prompt and the seed that do not vary. */
export interface SweepHeld {
  /** LoRAs sent with the same scale in every cell, in stack order. */
  loras: { path: string; scale: number }[];
  /** The prompt, when every cell has the same one (else null: it varies). */
  prompt: string | null;
  /** The seed, when every cell has the same one (undefined: random; null: it varies). */
  seed: number | undefined | null;
}

/**
 * What is held across a sweep's cell requests: a LoRA is held when every cell sends it at the
 * same scale (a LoRA the sweep scales or swaps is not); the prompt and seed when all agree.
 */
export function sweepHeld(
  requests: readonly Pick<KontextRequest, "loras" | "prompt" | "seed">[],
): SweepHeld {
  const [first, ...rest] = requests;
  if (!first) return { loras: [], prompt: null, seed: null };
  const loras = first.loras.filter((lora) =>
    rest.every((request) =>
      request.loras.some((other) => other.path === lora.path && other.scale === lora.scale),
    ),
  );
  const prompt = rest.every((request) => request.prompt === first.prompt) ? first.prompt : null;
  const seed = rest.every((request) => request.seed === first.seed) ? first.seed : null;
  return { loras: loras.map(({ path, scale }) => ({ path, scale })), prompt, seed };
}

/** The longest prompt quoted whole in a "Held" line; longer ones are cut with an ellipsis. */
export const HELD_PROMPT_CHARS = 80;

/**
 * `Held: Plushie ×1, Ghibli ×0.8 · “make it snow” · seed 42` — what every cell shares, naming
 * LoRAs with `name`. A varying prompt or seed is left out (the grid's labels say it); no held
 * LoRA reads `no other LoRA`.
 */
export function formatHeld(held: SweepHeld, name: (path: string) => string): string {
  const loras =
    held.loras.length > 0
      ? held.loras.map((lora) => `${name(lora.path)} ×${formatAxisNumber(lora.scale)}`).join(", ")
      : "no other LoRA";
  const parts = [loras];
  if (held.prompt !== null) {
    const text = held.prompt.trim();
    const cut =
      text.length > HELD_PROMPT_CHARS ? `${text.slice(0, HELD_PROMPT_CHARS - 1).trimEnd()}…` : text;
    parts.push(`“${cut}”`);
  }
  if (held.seed !== null) parts.push(held.seed === undefined ? "random seed" : `seed ${held.seed}`);
  return `Held: ${parts.join(" · ")}`;
}
