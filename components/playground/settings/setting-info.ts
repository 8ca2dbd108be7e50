import { formatSize } from "@/components/ui/format";
import { DEFAULT_SETTINGS, randomSeed } from "@/lib/domain/settings";
import {
  ACCELERATIONS,
  type Acceleration,
  isAspectRatioMode,
  LIMITS,
  OUTPUT_FORMATS,
  type OutputFormat,
  PLAYGROUND_LIMITS,
  RESOLUTION_MODES,
  type ResolutionMode,
} from "@/lib/kontext/endpoint";
import { aspectRatioSize, MATCH_INPUT_MAX_AREA, SIZE_MULTIPLE } from "@/lib/kontext/resolution";
import type { Settings } from "@/lib/store/types";

/** Every setting the panel shows (seedMode lives inside the seed control). */
export type SettingKey = Exclude<keyof Settings, "seedMode">;

export interface NumberSettingInfo {
  kind: "number";
  label: string;
  description: string;
  min: number;
  max: number;
  step: number;
  default: number;
  integer: boolean;
}

export interface EnumOption<V extends string> {
  value: V;
  label: string;
  note: string;
}

export interface EnumSettingInfo<V extends string> {
  kind: "enum";
  label: string;
  description: string;
  options: readonly EnumOption<V>[];
  default: V;
}

export interface BooleanSettingInfo {
  kind: "boolean";
  label: string;
  description: string;
  default: boolean;
}

type InfoFor<T> = [T] extends [number]
  ? NumberSettingInfo
  : [T] extends [boolean]
    ? BooleanSettingInfo
    : [T] extends [string]
      ? EnumSettingInfo<T>
      : never;

const MEGAPIXEL = 1024 * 1024;

const RESOLUTION_NOTES: Record<"auto" | "match_input", string> = {
  auto: "closest trained size (~1 MP)",
  match_input: `keep the input size (max ${MATCH_INPUT_MAX_AREA / MEGAPIXEL} MP, multiples of ${SIZE_MULTIPLE})`,
};

function resolutionOption(mode: ResolutionMode): EnumOption<ResolutionMode> {
  const note = isAspectRatioMode(mode) ? formatSize(aspectRatioSize(mode)) : RESOLUTION_NOTES[mode];
  return { value: mode, label: mode, note };
}

const ACCELERATION_OPTIONS: Record<Acceleration, Omit<EnumOption<Acceleration>, "value">> = {
  none: { label: "None", note: "full quality" },
  regular: { label: "Regular", note: "faster, slightly softer" },
  high: { label: "High", note: "fastest, lowest quality" },
};

const OUTPUT_FORMAT_OPTIONS: Record<OutputFormat, Omit<EnumOption<OutputFormat>, "value">> = {
  png: { label: "PNG", note: "lossless, larger files" },
  jpeg: { label: "JPEG", note: "smaller files, lossy" },
};

const { steps, guidance, numImages } = LIMITS;
const SEED_MIN = 0;

/** "(10–50, default 30)": a numeric setting's range and default, for its explanation. */
function rangeNote(min: number, max: number, fallback: number | string): string {
  return `(${min}–${max}, default ${fallback})`;
}

/** "(default on)" / "(default off)". */
function toggleNote(value: boolean): string {
  return `(default ${value ? "on" : "off"})`;
}

/** The seed's default as people see it: "random" unless the form starts with a fixed seed. */
const SEED_DEFAULT =
  DEFAULT_SETTINGS.seedMode === "random" ? "random" : String(DEFAULT_SETTINGS.seed);

/** Label, one-line explanation, range or options and default of every setting. */
export const SETTING_INFO: { [K in SettingKey]: InfoFor<Settings[K]> } = {
  num_inference_steps: {
    kind: "number",
    label: "Steps",
    description: `More steps refine detail but take longer ${rangeNote(steps.min, steps.max, DEFAULT_SETTINGS.num_inference_steps)}.`,
    min: steps.min,
    max: steps.max,
    step: 1,
    default: steps.default,
    integer: true,
  },
  guidance_scale: {
    kind: "number",
    label: "Guidance",
    description: `How closely the edit follows the prompt ${rangeNote(guidance.min, guidance.max, DEFAULT_SETTINGS.guidance_scale)}.`,
    min: guidance.min,
    max: guidance.max,
    step: 0.1,
    default: guidance.default,
    integer: false,
  },
  num_images: {
    kind: "number",
    label: "Number of images",
    description: `Images per run ${rangeNote(numImages.min, numImages.max, DEFAULT_SETTINGS.num_images)}; each is billed.`,
    min: numImages.min,
    max: numImages.max,
    step: 1,
    default: numImages.default,
    integer: true,
  },
  seed: {
    kind: "number",
    label: "Seed",
    description: `Same seed + same settings → the same image ${rangeNote(SEED_MIN, PLAYGROUND_LIMITS.maxSeed, SEED_DEFAULT)}.`,
    min: SEED_MIN,
    max: PLAYGROUND_LIMITS.maxSeed,
    step: 1,
    default: DEFAULT_SETTINGS.seed,
    integer: true,
  },
  output_format: {
    kind: "enum",
    label: "Output format",
    description: `PNG is lossless; JPEG is smaller (default ${OUTPUT_FORMAT_OPTIONS[DEFAULT_SETTINGS.output_format].label}).`,
    options: OUTPUT_FORMATS.map((value) => ({ value, ...OUTPUT_FORMAT_OPTIONS[value] })),
    default: DEFAULT_SETTINGS.output_format,
  },
  acceleration: {
    kind: "enum",
    label: "Acceleration",
    description: `Faster generation at some cost in quality (default ${ACCELERATION_OPTIONS[DEFAULT_SETTINGS.acceleration].label}).`,
    options: ACCELERATIONS.map((value) => ({ value, ...ACCELERATION_OPTIONS[value] })),
    default: DEFAULT_SETTINGS.acceleration,
  },
  resolution_mode: {
    kind: "enum",
    label: "Resolution mode",
    description: `The output size: the closest trained size, your input's size, or a fixed ratio (default ${resolutionOption(DEFAULT_SETTINGS.resolution_mode).label}).`,
    options: RESOLUTION_MODES.map(resolutionOption),
    default: DEFAULT_SETTINGS.resolution_mode,
  },
  enable_safety_checker: {
    kind: "boolean",
    label: "Safety checker",
    description: `Flagged images come back black; off lets everything through ${toggleNote(DEFAULT_SETTINGS.enable_safety_checker)}.`,
    default: DEFAULT_SETTINGS.enable_safety_checker,
  },
  sync_mode: {
    kind: "boolean",
    label: "Sync mode",
    description: `Return images inline as data URIs; fal then keeps no copy in your request history ${toggleNote(DEFAULT_SETTINGS.sync_mode)}.`,
    default: DEFAULT_SETTINGS.sync_mode,
  },
};

/** What a `<select>` option shows: "16:9 — 1360×768". */
export function optionText(option: EnumOption<string>): string {
  return `${option.label} — ${option.note}`;
}

/** min, min + 1, …, max. */
export function integerRange(min: number, max: number): number[] {
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, index) => min + index);
}

/** The number typed in a number field, or null while it is empty or not a number yet. */
export function parseNumberText(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/**
 * The text a number field shows once the store holds `value`: what was typed when it already
 * means `value` ("2.50", "030"), else the value itself (a reset, a reused run).
 */
export function syncNumberText(text: string, value: number): string {
  return parseNumberText(text) === value ? text : String(value);
}

export { randomSeed };
