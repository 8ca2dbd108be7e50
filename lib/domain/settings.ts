import { LIMITS, PLAYGROUND_LIMITS } from "@/lib/kontext/endpoint";
import type { KontextRequest } from "@/lib/kontext/schema";

/** Every endpoint setting the form edits (all but image_url, prompt and loras). */
export interface Settings {
  num_inference_steps: number;
  guidance_scale: number;
  num_images: number;
  output_format: KontextRequest["output_format"];
  acceleration: KontextRequest["acceleration"];
  resolution_mode: KontextRequest["resolution_mode"];
  enable_safety_checker: boolean;
  sync_mode: boolean;
  /** `random`: a new seed every run; `fixed`: `seed` below. */
  seedMode: "random" | "fixed";
  seed: number;
}

/** The endpoint's defaults, as the form starts. */
export const DEFAULT_SETTINGS: Settings = {
  num_inference_steps: LIMITS.steps.default,
  guidance_scale: LIMITS.guidance.default,
  num_images: LIMITS.numImages.default,
  output_format: "png",
  acceleration: "none",
  resolution_mode: "match_input",
  enable_safety_checker: true,
  sync_mode: false,
  seedMode: "random",
  seed: 42,
};

/** A random seed in the accepted range, 0 to 2³² − 1. */
export function randomSeed(random: () => number = Math.random): number {
  const max = PLAYGROUND_LIMITS.maxSeed;
  return Math.min(max, Math.max(0, Math.floor(random() * (max + 1))));
}
