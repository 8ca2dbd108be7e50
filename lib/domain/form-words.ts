// The form's words for the endpoint's messages: only the checks and the engines use them, so they
// are not in the first screen's JavaScript (which imports \`./form\`).
import type { LoraEntry } from "./run";
import { DEFAULT_SETTINGS } from "./settings";

/** Request fields the form shows errors for (besides `lora:<id>:path|scale`). */
const FORM_FIELDS: ReadonlySet<string> = new Set([
  "image_url",
  "prompt",
  ...Object.keys(DEFAULT_SETTINGS).filter((key) => key !== "seedMode"),
]);

/**
 * Each request field's label in the form (`num_inference_steps` is "Steps"), for messages in the
 * person's words; a LoRA's `path` and `scale` are its row's fields.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  image_url: "Image URL",
  prompt: "Prompt",
  num_inference_steps: "Steps",
  guidance_scale: "Guidance",
  num_images: "Number of images",
  seed: "Seed",
  output_format: "Output format",
  acceleration: "Acceleration",
  resolution_mode: "Resolution mode",
  enable_safety_checker: "Safety checker",
  sync_mode: "Sync mode",
  path: "LoRA path",
  scale: "Scale",
};

/** Messages said differently in the form than by the endpoint's schema. */
const FORM_MESSAGES: Readonly<Record<string, string>> = {
  "prompt is required": "Write a prompt: say what to change in the image",
  "image_url is required": "Enter an image URL",
};

/**
 * An endpoint message in the form's words: the field's API name at its start becomes its label
 * ("num_inference_steps must be at most 50" → "Steps must be at most 50"). Other messages are
 * returned as they are.
 */
export function inFormWords(message: string): string {
  const special = FORM_MESSAGES[message];
  if (special) return special;
  const match = /^([a-z_]+)(\s[\s\S]*)$/.exec(message);
  const label = match?.[1] ? FIELD_LABELS[match[1]] : undefined;
  return label && match ? `${label}${match[2]}` : message;
}

/**
 * Splits a 422's field errors into those the form shows — `loras.<i>.path|scale` mapped through
 * the run's submitted `loraIds` to `lora:<id>:…` (when that row still exists), and the form's
 * own fields — and the rest (`input`, `loras`, unknown fields…), which belong in the alert.
 */
export function mapServerFieldErrors(
  errors: Record<string, string>,
  loraIds: readonly string[],
  rows: readonly LoraEntry[],
): { matched: Record<string, string>; unmatched: Record<string, string> } {
  const matched: Record<string, string> = {};
  const unmatched: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const lora = key.match(/^loras\.(\d+)(?:\.(path|scale))?$/);
    const loraId = lora ? loraIds[Number(lora[1])] : undefined;
    if (lora && loraId && rows.some((row) => row.id === loraId)) {
      matched[`lora:${loraId}:${lora[2] ?? "path"}`] = inFormWords(message);
    } else if (!lora && FORM_FIELDS.has(key)) {
      matched[key] = inFormWords(message);
    } else {
      unmatched[key] = message;
    }
  }
  return { matched, unmatched };
}
