import "server-only";
import { isAspectRatioMode } from "@/lib/kontext/endpoint";
import {
  billedMegapixels,
  PIXELS_PER_MEGAPIXEL,
  PRICE_PER_MEGAPIXEL_USD,
} from "@/lib/kontext/pricing";
import {
  aspectRatioSize,
  MATCH_INPUT_MAX_AREA,
  PREFERRED_KONTEXT_RESOLUTIONS,
} from "@/lib/kontext/resolution";
import type { KontextRequest } from "@/lib/kontext/schema";

/** fal's price per billed megapixel in tenths of a cent ($0.035 = 35). */
export const MILLS_PER_MEGAPIXEL = Math.round(PRICE_PER_MEGAPIXEL_USD * 1000);

/** What a submit is expected to cost, in tenths of a cent. */
export interface SpendPrediction {
  /** The amount held back from the budget until the result arrives. */
  reservedMills: number;
  /** True when the output size depends on the input image, so the worst case was reserved. */
  isWorstCase: boolean;
}

/** Billed megapixels per image in the worst case of `auto`: the largest preferred resolution. */
const AUTO_WORST_MEGAPIXELS = Math.max(...PREFERRED_KONTEXT_RESOLUTIONS.map(billedMegapixels));
/** Billed megapixels per image in the worst case of `match_input`: its largest output area. */
const MATCH_INPUT_WORST_MEGAPIXELS = Math.ceil(MATCH_INPUT_MAX_AREA / PIXELS_PER_MEGAPIXEL);

/**
 * The price to reserve for a submit, from the project's pricing rules: for a fixed aspect ratio
 * the exact price of its size; for `auto` and `match_input`, whose size depends on the image, the
 * mode's worst case (2 billed megapixels per image), settled to the real size later.
 */
export function predictSpend(request: KontextRequest): SpendPrediction {
  const mode = request.resolution_mode;
  const perImage =
    mode === "auto"
      ? AUTO_WORST_MEGAPIXELS
      : mode === "match_input"
        ? MATCH_INPUT_WORST_MEGAPIXELS
        : billedMegapixels(aspectRatioSize(mode));
  return {
    reservedMills: perImage * request.num_images * MILLS_PER_MEGAPIXEL,
    isWorstCase: !isAspectRatioMode(mode),
  };
}

/**
 * The real price of a result body (`{images: [{width, height}, …]}`) in tenths of a cent, or
 * null when the body does not describe images.
 */
export function resultMills(body: unknown): number | null {
  const images = (body as { images?: unknown })?.images;
  if (!Array.isArray(images)) return null;
  let mills = 0;
  for (const image of images) {
    const { width, height } = (image ?? {}) as { width?: unknown; height?: unknown };
    if (typeof width !== "number" || typeof height !== "number" || width < 1 || height < 1) {
      return null;
    }
    mills += billedMegapixels({ width, height }) * MILLS_PER_MEGAPIXEL;
  }
  return mills;
}

/** Tenths of a cent as US dollars. */
export function usd(mills: number): number {
  return mills / 1000;
}
