import { normalizeLoraPath } from "@/lib/domain/lora-path";
import { formatCount } from "@/lib/domain/text";
import { LIMITS, PLAYGROUND_LIMITS } from "@/lib/kontext/endpoint";
import { findKnownLora, loraLabel } from "@/lib/kontext/known-loras";

/**
 * Sweep axes: what varies along a sweep's rows or columns, typed as text by people ("0..1.5 step
 * 0.25", "1, 2, 3", one prompt per line) and parsed here with messages that say what to change.
 */

/** What an axis varies. */
export type AxisKind = "lora_scale" | "lora" | "seed" | "guidance" | "steps" | "prompt" | "image";

/** The axis kinds typed as text (an `image` axis holds chosen images instead). */
export type TextAxisKind = Exclude<AxisKind, "image">;

/** The most values one axis may have. */
export const MAX_AXIS_VALUES = 16;

/** Numeric axes: their limits, whether they take whole numbers, and how to name them. */
export const NUMERIC_AXES = {
  lora_scale: { ...LIMITS.loraScale, isInteger: false, noun: "LoRA scale" },
  guidance: { ...LIMITS.guidance, isInteger: false, noun: "Guidance" },
  steps: { ...LIMITS.steps, isInteger: true, noun: "Steps" },
  seed: { min: 0, max: PLAYGROUND_LIMITS.maxSeed, default: 0, isInteger: true, noun: "Seed" },
} as const;

export type NumericAxisKind = keyof typeof NUMERIC_AXES;

/** A LoRA as a value of a `lora` axis; `path` "" is the baseline without it. */
export interface AxisLora {
  path: string;
  scale: number;
}

/**
 * An input image as a value of an `image` axis: which image (`id`, see `SweepImageChoice`), its
 * name, and its size in pixels as uploaded (after any downscaling), which sets the cell's output
 * size and price.
 */
export interface AxisImage {
  id: string;
  name: string;
  width: number;
  height: number;
}

/** One parsed value of an axis, with the label its row or column shows. */
export type AxisValue =
  | { kind: NumericAxisKind; value: number; label: string }
  | { kind: "prompt"; value: string; label: string }
  | { kind: "lora"; value: AxisLora; label: string }
  | { kind: "image"; value: AxisImage; label: string };

export type ParseResult<T> = { ok: true; values: T[] } | { ok: false; message: string };

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?`;
const RANGE = new RegExp(
  String.raw`^(${NUMBER})\s*\.\.\s*(${NUMBER})(?:\s*(?:step|by|:)\s*(${NUMBER}))?$`,
  "i",
);
const EPSILON = 1e-9;

/** `0.25` for 0.25000000000000006: floating-point noise from adding steps is removed. */
function tidy(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

/** How a number is shown in labels: `1.5`, `0.25`, `1234`. */
export function formatAxisNumber(value: number): string {
  return String(tidy(value));
}

function expandRange(
  text: string,
  match: RegExpExecArray,
  isInteger: boolean,
): { ok: true; values: number[] } | { ok: false; message: string } {
  const start = Number(match[1]);
  const end = Number(match[2]);
  const rawStep = match[3];
  if (rawStep === undefined && !isInteger) {
    return {
      ok: false,
      message: `Give ${text} a step, e.g. "${match[1]}..${match[2]} step 0.25"`,
    };
  }
  const step = rawStep === undefined ? (end >= start ? 1 : -1) : Number(rawStep);
  if (step === 0) return { ok: false, message: `The step of ${text} must not be 0` };
  if (start !== end && Math.sign(step) !== Math.sign(end - start)) {
    const direction = end > start ? "up" : "down";
    return {
      ok: false,
      message: `The step of ${text} goes the wrong way: from ${match[1]} to ${match[2]} counts ${direction}, so use a ${direction === "up" ? "positive" : "negative"} step`,
    };
  }
  const count = Math.floor(Math.abs((end - start) / step) + EPSILON) + 1;
  if (count > MAX_AXIS_VALUES) {
    return {
      ok: false,
      message: `${text} makes ${count} values; an axis takes at most ${MAX_AXIS_VALUES} (use a larger step)`,
    };
  }
  return { ok: true, values: Array.from({ length: count }, (_, i) => tidy(start + i * step)) };
}

/**
 * Parses a numeric axis: values and ranges separated by commas, semicolons or spaces — `0, 0.5,
 * 1`, `0..1.5 step 0.25` (also `by` or `:`), `10..40 step 10`; whole-number axes may leave out
 * a step of 1 (`1..4`). Refuses an empty list, a value that is not a number or not whole where
 * it must be, a value outside the endpoint's range, a zero or wrong-signed step and more than
 * {@link MAX_AXIS_VALUES} values. Repeated values are kept once, in their first place.
 */
export function parseNumericAxis(kind: NumericAxisKind, text: string): ParseResult<AxisValue> {
  const { min, max, isInteger, noun } = NUMERIC_AXES[kind];
  // Ranges first (their spaces are not separators), then single values.
  const parts = text
    .replace(
      new RegExp(
        String.raw`(${NUMBER})\s*\.\.\s*(${NUMBER})(\s*(?:step|by|:)\s*(${NUMBER}))?`,
        "gi",
      ),
      (range) => range.replace(/\s+/g, "\u0000"),
    )
    .split(/[\s,;]+/)
    .map((part) => part.replaceAll("\u0000", " ").trim())
    .filter(Boolean);
  if (parts.length === 0)
    return { ok: false, message: `Enter at least one ${noun.toLowerCase()} value` };
  const numbers: number[] = [];
  for (const part of parts) {
    const range = RANGE.exec(part);
    if (range) {
      const expanded = expandRange(part, range, isInteger);
      if (!expanded.ok) return expanded;
      numbers.push(...expanded.values);
      continue;
    }
    if (!new RegExp(`^${NUMBER}$`, "i").test(part)) {
      return {
        ok: false,
        message: `"${part}" is not a number (write values like 0.5, 1 or a range like 0..1.5 step 0.25)`,
      };
    }
    numbers.push(Number(part));
  }
  const values: AxisValue[] = [];
  const seen = new Set<number>();
  for (const value of numbers) {
    if (isInteger && !Number.isInteger(value)) {
      return {
        ok: false,
        message: `${noun} must be whole numbers; ${formatAxisNumber(value)} is not`,
      };
    }
    if (value < min || value > max) {
      return {
        ok: false,
        message: `${noun} ${formatAxisNumber(value)} is outside the allowed ${min}–${max}`,
      };
    }
    if (seen.has(value)) continue;
    seen.add(value);
    values.push({
      kind,
      value,
      label: `${kind === "lora_scale" ? "×" : ""}${formatAxisNumber(value)}`,
    });
  }
  if (values.length > MAX_AXIS_VALUES) {
    return {
      ok: false,
      message: `${values.length} values is more than the ${MAX_AXIS_VALUES} an axis takes`,
    };
  }
  return { ok: true, values };
}

/** Lines of a text area, trimmed, without empty ones. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * Parses prompt variants, one per line. Refuses none, a prompt over the length limit and more
 * than {@link MAX_AXIS_VALUES}; repeated prompts are kept once.
 */
export function parsePromptAxis(text: string): ParseResult<AxisValue> {
  const prompts = [...new Set(lines(text))];
  if (prompts.length === 0)
    return { ok: false, message: "Enter at least one prompt, one per line" };
  if (prompts.length > MAX_AXIS_VALUES) {
    return {
      ok: false,
      message: `${prompts.length} prompts is more than the ${MAX_AXIS_VALUES} an axis takes`,
    };
  }
  const tooLong = prompts.findIndex((prompt) => prompt.length > PLAYGROUND_LIMITS.maxPromptChars);
  if (tooLong >= 0) {
    return {
      ok: false,
      message: `Prompt ${tooLong + 1} is longer than ${formatCount(PLAYGROUND_LIMITS.maxPromptChars)} characters`,
    };
  }
  return { ok: true, values: prompts.map((value) => ({ kind: "prompt", value, label: value })) };
}

/**
 * Parses a set of LoRAs, one per line: a weight-file URL, optionally followed by `@ scale`
 * (`https://…/style.safetensors @ 0.8`); without a scale a known LoRA gets its recommended scale,
 * others 1. `none` is the baseline without it. Refuses unusable paths (naming the line), scales
 * outside 0–4, none at all and more than {@link MAX_AXIS_VALUES}.
 */
export function parseLoraAxis(text: string): ParseResult<AxisValue> {
  const entries = lines(text);
  if (entries.length === 0) return { ok: false, message: "Choose at least one LoRA" };
  if (entries.length > MAX_AXIS_VALUES) {
    return {
      ok: false,
      message: `${entries.length} LoRAs is more than the ${MAX_AXIS_VALUES} an axis takes`,
    };
  }
  const values: AxisValue[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    if (/^(none|no lora|baseline)$/i.test(entry)) {
      if (seen.has("")) continue;
      seen.add("");
      values.push({ kind: "lora", value: { path: "", scale: 0 }, label: "No LoRA" });
      continue;
    }
    const [rawPath = "", rawScale] = entry.split(/\s+@\s*|@\s+/);
    const checked = normalizeLoraPath(rawPath);
    if (!checked.ok) return { ok: false, message: `LoRA ${index + 1}: ${checked.message}` };
    const known = findKnownLora(checked.path);
    const scale = rawScale === undefined ? (known?.scale ?? 1) : Number(rawScale);
    if (!Number.isFinite(scale) || scale < LIMITS.loraScale.min || scale > LIMITS.loraScale.max) {
      return { ok: false, message: `LoRA ${index + 1}: the scale must be a number from 0 to 4` };
    }
    const key = `${checked.path} ${scale}`;
    if (seen.has(key)) continue;
    seen.add(key);
    values.push({
      kind: "lora",
      value: { path: checked.path, scale },
      label: `${loraLabel(checked.path)}${rawScale === undefined ? "" : ` ×${formatAxisNumber(scale)}`}`,
    });
  }
  return { ok: true, values };
}

/** The longest image label, in characters; longer file names are cut with an ellipsis. */
export const MAX_IMAGE_LABEL_CHARS = 24;

/**
 * Labels for images by their file names: short (no extension, at most
 * {@link MAX_IMAGE_LABEL_CHARS} characters, cut with "…") and unique (a repeated name gets ` 2`,
 * ` 3`… in the order given). An empty name reads `image`.
 */
export function imageLabels(names: readonly string[]): string[] {
  const shortened = names.map((name) => {
    const base =
      name
        .trim()
        .replace(/\.[a-z0-9]{2,5}$/i, "")
        .trim() || "image";
    return base.length > MAX_IMAGE_LABEL_CHARS
      ? `${base.slice(0, MAX_IMAGE_LABEL_CHARS - 1).trimEnd()}…`
      : base;
  });
  const counts = new Map<string, number>();
  for (const label of shortened) counts.set(label, (counts.get(label) ?? 0) + 1);
  // Names that occur once keep their label; repeated ones are numbered around them.
  const taken = new Set(shortened.filter((label) => counts.get(label) === 1));
  return shortened.map((label) => {
    if (counts.get(label) === 1) return label;
    let number = 1;
    let candidate = label;
    while (taken.has(candidate)) {
      number += 1;
      candidate = `${label} ${number}`;
    }
    taken.add(candidate);
    return candidate;
  });
}

/**
 * The values of an image axis, labelled by {@link imageLabels}. Refuses none, more than
 * {@link MAX_AXIS_VALUES} and an image without a usable size (not read yet, or 0×0).
 */
export function imageAxisValues(images: readonly AxisImage[]): ParseResult<AxisValue> {
  if (images.length === 0) return { ok: false, message: "Add at least one image to this axis" };
  if (images.length > MAX_AXIS_VALUES) {
    return {
      ok: false,
      message: `${images.length} images is more than the ${MAX_AXIS_VALUES} an axis takes`,
    };
  }
  const unsized = images.find((image) => !(image.width > 0 && image.height > 0));
  if (unsized) return { ok: false, message: `${unsized.name} has no usable size; add it again` };
  const labels = imageLabels(images.map((image) => image.name));
  return {
    ok: true,
    values: images.map((value, index) => ({ kind: "image", value, label: labels[index] ?? "" })),
  };
}

/**
 * Parses an axis from its text. An `image` axis has no text (its values come from
 * {@link imageAxisValues}), so it is refused here.
 */
export function parseAxis(kind: AxisKind, text: string): ParseResult<AxisValue> {
  if (kind === "image") return { ok: false, message: "Add the images of this axis" };
  if (kind === "prompt") return parsePromptAxis(text);
  if (kind === "lora") return parseLoraAxis(text);
  return parseNumericAxis(kind, text);
}
