import { LIMITS } from "./endpoint";
import type { Size } from "./resolution";

/** fal's price for this endpoint: $0.035 per megapixel of output. */
export const PRICE_PER_MEGAPIXEL_USD = 0.035;

/** fal's megapixel: 1024 × 1024 = 1,048,576 pixels (fal's own pricing examples only work so). */
export const PIXELS_PER_MEGAPIXEL = 1024 * 1024;

/** Billed megapixels of one image: its area in megapixels, rounded up, at least 1. */
export function billedMegapixels(size: Size): number {
  if (size.width < 1 || size.height < 1) throw new RangeError("Image size must be positive");
  return Math.max(1, Math.ceil((size.width * size.height) / PIXELS_PER_MEGAPIXEL));
}

/** The estimated price of a run, in US dollars and billed megapixels. */
export interface PriceEstimate {
  /** Billed megapixels per image. */
  megapixelsPerImage: number;
  /** Billed megapixels for the whole run. */
  megapixels: number;
  /** US dollars, exact to a tenth of a cent. */
  usd: number;
}

/**
 * The price of one request: $0.035 × billed megapixels per image × `num_images`.
 * Computed in tenths of a cent so the sum carries no floating-point noise.
 */
export function estimatePrice(
  size: Size,
  numImages: number = LIMITS.numImages.default,
): PriceEstimate {
  if (!Number.isInteger(numImages) || numImages < 1) {
    throw new RangeError("numImages must be a positive integer");
  }
  const megapixelsPerImage = billedMegapixels(size);
  const megapixels = megapixelsPerImage * numImages;
  const tenthsOfCent = Math.round(PRICE_PER_MEGAPIXEL_USD * 1000) * megapixels;
  return { megapixelsPerImage, megapixels, usd: tenthsOfCent / 1000 };
}

/** `$0.035`, `$0.14`: dollars with as many decimals as needed (two to three). */
export function formatUsd(usd: number): string {
  const cents = Math.round(usd * 1000) % 10 === 0 ? 2 : 3;
  return `$${usd.toFixed(cents)}`;
}
