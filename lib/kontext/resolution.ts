import type { AspectRatioMode, ResolutionMode } from "./endpoint";

/** A size in pixels. */
export interface Size {
  width: number;
  height: number;
}

/**
 * The 17 resolutions FLUX.1 Kontext was trained on (BFL's `PREFERED_KONTEXT_RESOLUTIONS`, the
 * same list in diffusers and ComfyUI), width × height, each about one megapixel.
 */
export const PREFERRED_KONTEXT_RESOLUTIONS: readonly Size[] = [
  [672, 1568],
  [688, 1504],
  [720, 1456],
  [752, 1392],
  [800, 1328],
  [832, 1248],
  [880, 1184],
  [944, 1104],
  [1024, 1024],
  [1104, 944],
  [1184, 880],
  [1248, 832],
  [1328, 800],
  [1392, 752],
  [1456, 720],
  [1504, 688],
  [1568, 672],
].map(([width, height]) => ({ width, height }) as Size);

/** Output sides are multiples of this (VAE factor 8 × patch size 2). */
export const SIZE_MULTIPLE = 16;

/** Target area for the fixed aspect ratios: 1024² pixels, as in BFL's reference. */
export const ASPECT_RATIO_AREA = 1024 * 1024;

/**
 * Largest output area in `match_input` mode: 2 MP (2 × 1024² = 2,097,152 px), the top of the
 * 0.1–2.0 MP range FLUX.1 was trained on. fal publishes no limit; larger inputs are scaled down
 * keeping their aspect ratio before the sides are floored to multiples of 16.
 */
export const MATCH_INPUT_MAX_AREA = 2 * 1024 * 1024;

/** Smallest output side in `match_input` mode, so tiny inputs still give a usable image. */
export const MATCH_INPUT_MIN_SIDE = 64;

const ASPECT_RATIOS: Record<AspectRatioMode, readonly [number, number]> = {
  "1:1": [1, 1],
  "16:9": [16, 9],
  "21:9": [21, 9],
  "3:2": [3, 2],
  "2:3": [2, 3],
  "4:5": [4, 5],
  "5:4": [5, 4],
  "3:4": [3, 4],
  "4:3": [4, 3],
  "9:16": [9, 16],
  "9:21": [9, 21],
};

function floorTo(value: number, multiple: number): number {
  return Math.floor(value / multiple) * multiple;
}

function assertPositiveSize(size: Size): void {
  if (
    !Number.isFinite(size.width) ||
    !Number.isFinite(size.height) ||
    size.width < 1 ||
    size.height < 1
  ) {
    throw new RangeError(`Invalid input size ${size.width}×${size.height}`);
  }
}

/**
 * `auto`: the preferred Kontext resolution whose aspect ratio is closest to the input's
 * (ties go to the smaller width, as in BFL's `min((|ar - w/h|, w, h))`).
 */
export function autoSize(input: Size): Size {
  assertPositiveSize(input);
  const ratio = input.width / input.height;
  let best = PREFERRED_KONTEXT_RESOLUTIONS[0] as Size;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of PREFERRED_KONTEXT_RESOLUTIONS) {
    const distance = Math.abs(ratio - candidate.width / candidate.height);
    if (distance < bestDistance || (distance === bestDistance && candidate.width < best.width)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return { ...best };
}

/**
 * A fixed aspect ratio: BFL's `aspect_ratio_to_height_width` with an area of 1024² —
 * `w = round(√(area·r))`, `h = round(√(area/r))`, each floored to a multiple of 16.
 */
export function aspectRatioSize(mode: AspectRatioMode): Size {
  const [w, h] = ASPECT_RATIOS[mode];
  const ratio = w / h;
  return {
    width: floorTo(Math.round(Math.sqrt(ASPECT_RATIO_AREA * ratio)), SIZE_MULTIPLE),
    height: floorTo(Math.round(Math.sqrt(ASPECT_RATIO_AREA / ratio)), SIZE_MULTIPLE),
  };
}

/**
 * `match_input`: the input size, scaled down to at most {@link MATCH_INPUT_MAX_AREA} when larger,
 * then each side floored to a multiple of 16 and kept at least {@link MATCH_INPUT_MIN_SIDE}.
 */
export function matchInputSize(input: Size): Size {
  assertPositiveSize(input);
  const area = input.width * input.height;
  const scale = area > MATCH_INPUT_MAX_AREA ? Math.sqrt(MATCH_INPUT_MAX_AREA / area) : 1;
  const side = (value: number) =>
    Math.max(MATCH_INPUT_MIN_SIDE, floorTo(value * scale, SIZE_MULTIPLE));
  return { width: side(input.width), height: side(input.height) };
}

/**
 * The output size for any `resolution_mode`, given the input image's size after EXIF
 * orientation. The local engine renders exactly this size; for fal it is the prediction shown
 * before a run (the real size arrives with the result).
 */
export function outputSize(mode: ResolutionMode, input: Size): Size {
  if (mode === "auto") return autoSize(input);
  if (mode === "match_input") return matchInputSize(input);
  return aspectRatioSize(mode);
}
