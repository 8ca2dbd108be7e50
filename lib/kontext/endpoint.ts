/** The one fal endpoint this playground talks to. */
export const ENDPOINT_ID = "fal-ai/flux-kontext-lora";

/** Input limits taken from the endpoint's published contract. */
export const LIMITS = {
  /** Largest accepted input side in pixels (width and height alike). */
  maxInputSide: 14_142,
  /** Seconds fal allows for fetching `image_url`. */
  imageFetchTimeoutSeconds: 20,
  steps: { min: 10, max: 50, default: 30 },
  guidance: { min: 0, max: 20, default: 2.5 },
  numImages: { min: 1, max: 4, default: 1 },
  loraScale: { min: 0, max: 4, default: 1 },
} as const;

/**
 * Limits the playground adds on top of the contract. fal publishes none for these; they keep
 * obviously broken requests (a 100 KB prompt, a 5 KB LoRA path) from costing anything.
 */
export const PLAYGROUND_LIMITS = {
  /** FLUX's T5 encoder reads 512 tokens (about 2,000 characters); longer prompts are refused. */
  maxPromptChars: 5_000,
  /** Longest accepted `image_url` that is not a data URI. */
  maxUrlChars: 4_096,
  /** Longest accepted LoRA path. */
  maxLoraPathChars: 2_048,
  /** The LoRA scale's step in the form (the endpoint takes any number in 0–4). */
  loraScaleStep: 0.05,
  /**
   * Most LoRAs in one request. fal publishes no cap; each LoRA adds work to every step, and more
   * than a handful of stacked LoRAs rarely gives a usable image.
   */
  maxLoras: 8,
  /** Largest accepted seed: seeds are unsigned 32-bit integers in FLUX pipelines. */
  maxSeed: 2 ** 32 - 1,
} as const;

export const OUTPUT_FORMATS = ["png", "jpeg"] as const;
export const ACCELERATIONS = ["none", "regular", "high"] as const;
/** Every `resolution_mode`, in the order fal lists them. */
export const RESOLUTION_MODES = [
  "auto",
  "match_input",
  "1:1",
  "16:9",
  "21:9",
  "3:2",
  "2:3",
  "4:5",
  "5:4",
  "3:4",
  "4:3",
  "9:16",
  "9:21",
] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type Acceleration = (typeof ACCELERATIONS)[number];
export type ResolutionMode = (typeof RESOLUTION_MODES)[number];
export type AspectRatioMode = Exclude<ResolutionMode, "auto" | "match_input">;

/** Whether a mode is a fixed aspect ratio, whose output size does not depend on the input. */
export function isAspectRatioMode(mode: ResolutionMode): mode is AspectRatioMode {
  return mode !== "auto" && mode !== "match_input";
}
