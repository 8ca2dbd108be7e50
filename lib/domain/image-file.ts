import { LIMITS } from "@/lib/kontext/endpoint";
import { autoSize, matchInputSize, type Size } from "@/lib/kontext/resolution";
import { ACCEPTED_IMAGE_TYPES, MAX_IMAGE_FILE_BYTES } from "./image-types";
import { formatBytes, formatCount } from "./text";

/**
 * Photos above this area (3 × 1024² px) are downscaled before upload. It is above the 2 MP the
 * largest output needs, and {@link planDownscale} checks the output size does not change.
 */
export const DOWNSCALE_TARGET_AREA = 3 * 1024 * 1024;

/** Why a file is refused before it is read, or null when it may be read. */
export function checkImageFile(file: { name: string; type: string; size: number }): string | null {
  const type = file.type.toLowerCase();
  const extension = file.name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? "";
  const known = Object.entries(ACCEPTED_IMAGE_TYPES).some(
    ([mime, extensions]) => type === mime || (!type && extensions.includes(extension)),
  );
  if (!known) {
    const what = type || extension || "this file";
    return `${file.name} is not a supported image (${what}); use JPEG, PNG, WebP, GIF or AVIF`;
  }
  if (file.size === 0) return `${file.name} is empty (0 bytes)`;
  if (file.size > MAX_IMAGE_FILE_BYTES) {
    return `${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_IMAGE_FILE_BYTES)}`;
  }
  return null;
}

/** Why decoded pixels are refused (a side over 14,142 px), or null. */
export function checkImageSize(size: Size): string | null {
  const max = LIMITS.maxInputSide;
  if (size.width > max || size.height > max) {
    return `The image is ${size.width}×${size.height} px; the largest side allowed is ${formatCount(max)} px`;
  }
  return null;
}

/**
 * The size to downscale a large photo to before upload, or null when it should be sent as it
 * is. The result keeps the aspect ratio within a pixel and is only returned when `auto` and
 * `match_input` give exactly the same output size for it as for the original (fixed ratios do
 * not depend on the input), so downscaling can never change the output.
 */
export function planDownscale(size: Size, targetArea = DOWNSCALE_TARGET_AREA): Size | null {
  const area = size.width * size.height;
  if (area <= targetArea) return null;
  const expectedAuto = autoSize(size);
  const expectedMatch = matchInputSize(size);
  const base = Math.sqrt(targetArea / area);
  for (let step = 0; step <= 40; step++) {
    const scale = Math.min(1, base * (1 + step * 0.01));
    if (scale >= 1) return null;
    const candidate = {
      width: Math.max(1, Math.round(size.width * scale)),
      height: Math.max(1, Math.round(size.height * scale)),
    };
    if (
      sameSize(autoSize(candidate), expectedAuto) &&
      sameSize(matchInputSize(candidate), expectedMatch)
    ) {
      return candidate;
    }
  }
  return null;
}

function sameSize(a: Size, b: Size): boolean {
  return a.width === b.width && a.height === b.height;
}
