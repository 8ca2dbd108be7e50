import type { KontextRequest } from "@/lib/kontext/schema";
import type { InputImage, LoraEntry } from "./run";
import { DEFAULT_SETTINGS, type Settings } from "./settings";

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

export { WAIT_FOR_IMAGE, withoutKey } from "./form-errors";

/** The form as the person left it. */
export interface Draft {
  prompt: string;
  loras: { path: string; scale: number; isEnabled: boolean }[];
  settings: Settings;
}

/**
 * The form's input image as the browser keeps it across reloads: the chosen file's bytes (never a
 * `blob:` URL), or the URL it was read from (its bytes are in the image cache when a run used it).
 * `parentRunId` keeps the lineage of a result used as input.
 */
export type DraftImage =
  | { kind: "file"; blob: Blob; name: string; parentRunId: string | null }
  | { kind: "url"; url: string; name: string; parentRunId: string | null };

/**
 * What to keep of the form's image ({@link DraftImage}), or null when there is none: the file the
 * person chose (before any downscaling, so the setting still applies), else the image's bytes
 * when it came from a data URI, else its URL.
 */
export function toDraftImage(image: InputImage | null): DraftImage | null {
  if (!image) return null;
  const blob = image.originalFile ?? (image.remoteUrl === null ? image.file : null);
  if (blob) return { kind: "file", blob, name: image.name, parentRunId: image.parentRunId };
  const url = image.remoteUrl ?? image.previewUrl;
  if (!url || url.startsWith("blob:")) return null;
  return { kind: "url", url, name: image.name, parentRunId: image.parentRunId };
}

/** Whether two kept images are the same (the same bytes object, or the same URL and parent). */
export function isSameDraftImage(a: DraftImage | null, b: DraftImage | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === "file" && b.kind === "file")
    return a.blob === b.blob && a.parentRunId === b.parentRunId;
  if (a.kind === "url" && b.kind === "url")
    return a.url === b.url && a.parentRunId === b.parentRunId;
  return false;
}

/** The form's check (see `./form-check`): its field errors, or the request it makes. */
export type CheckForm = (state: FormState) => {
  fieldErrors: Record<string, string>;
  request: KontextRequest | null;
  /** The enabled LoRA rows' ids, in the order of `request.loras`. */
  loraIds: string[];
};

/** What the form holds: the image, the prompt, the LoRA rows and the settings. */
export interface FormState {
  image: InputImage | null;
  prompt: string;
  loras: LoraEntry[];
  settings: Settings;
}

/** Whether a size can be used for a run (both sides at least 1 px). */
export function hasPixels(size: { width: number; height: number }): boolean {
  return (
    Number.isFinite(size.width) &&
    Number.isFinite(size.height) &&
    size.width >= 1 &&
    size.height >= 1
  );
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

/** The form as a {@link Draft}. */
export function toDraft(form: { prompt: string; loras: LoraEntry[]; settings: Settings }): Draft {
  return {
    prompt: form.prompt,
    loras: form.loras.map(({ path, scale, isEnabled }) => ({ path, scale, isEnabled })),
    settings: { ...form.settings },
  };
}
