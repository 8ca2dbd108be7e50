import "server-only";
import sharp from "sharp";
import { errorMessage } from "@/lib/domain/app-error";
import type { Size } from "@/lib/kontext/resolution";
import type { KontextRequest, LoraWeight } from "@/lib/kontext/schema";
import { drawBottomBand, type RgbImage } from "./bitmap-font";
import { InputError } from "./errors";
import { hashUnits, hsl, lerp, loraLook, paintLook } from "./looks";

/**
 * The local engine's renderer: a deterministic stand-in for FLUX.1 Kontext. It does not generate
 * anything; it applies visible, input-dependent edits (a prompt look, one look per LoRA) so a
 * designer can see every input matter, and marks each image as a local preview.
 */

export interface RenderOptions {
  /** Encoded input image bytes (jpeg/png/webp/gif/avif), already checked to be a supported image. */
  source: Buffer;
  /** The parsed request (defaults filled). */
  request: KontextRequest;
  /** The seed to use (the request's, or a random one chosen by the caller). */
  seed: number;
  /** The exact output size (the caller computed it with outputSize() from the EXIF-oriented input size). */
  size: Size;
}

export interface RenderedImage {
  bytes: Buffer;
  contentType: "image/png" | "image/jpeg";
  width: number;
  height: number;
  /** True when the simulated safety checker flagged this image (then it is a marked black frame). */
  nsfw: boolean;
}

/** The title of the mark every rendered image carries, longest first (shorter ones for small images). */
export const PREVIEW_TITLES = ["LOCAL PREVIEW - NOT FLUX", "LOCAL PREVIEW", "PREVIEW"] as const;

const FLATTEN_BACKGROUND = { r: 128, g: 128, b: 128 };
const JPEG_QUALITY = 90;

/**
 * The simulated safety checker's rule: a prompt is flagged when it contains the word "nsfw"
 * (any case, as a whole word). Flagged prompts give black frames when the checker is enabled.
 */
export function isFlaggedPrompt(prompt: string): boolean {
  return /\bnsfw\b/i.test(prompt);
}

/**
 * Renders `request.num_images` images of exactly `size`, encoded per `request.output_format`,
 * each marked as a local preview. When the safety checker is on and {@link isFlaggedPrompt}
 * flags the prompt, every image is a black frame (still marked) with `nsfw: true`, as fal returns. Same options
 * give byte-identical output. Throws {@link InputError} when `source` cannot be decoded.
 */
export async function renderImages(options: RenderOptions): Promise<RenderedImage[]> {
  const { request, seed, size } = options;
  assertSize(size);
  const count = request.num_images;
  const flagged = request.enable_safety_checker && isFlaggedPrompt(request.prompt);
  // Decoded even when flagged, so an unreadable image fails the same way with the checker on.
  const base = await decodeToSize(options.source, size);
  const indexes = Array.from({ length: count }, (_, index) => index);
  return Promise.all(
    indexes.map((index) => {
      const image = flagged ? blackFrame(size) : editImage(base, request, seed, index);
      // Every output says it is a preview, the safety checker's black frames included.
      drawBottomBand(image, {
        titles: PREVIEW_TITLES,
        caption: `SEED ${seed}  #${index + 1}/${request.num_images}`,
      });
      return encode(image, request.output_format, flagged);
    }),
  );
}

function assertSize({ width, height }: Size): void {
  const valid = (side: number) => Number.isInteger(side) && side >= 1 && side <= 16_384;
  if (!valid(width) || !valid(height)) {
    throw new RangeError(`Invalid output size ${width}×${height}`);
  }
}

/** First frame, EXIF-oriented, alpha flattened onto grey, cover-cropped to `size`, 8-bit RGB. */
async function decodeToSize(source: Buffer, size: Size): Promise<RgbImage> {
  try {
    // failOn "error" still refuses truncated or corrupt data but tolerates benign decoder warnings.
    const { data, info } = await sharp(source, {
      autoOrient: true,
      pages: 1,
      page: 0,
      failOn: "error",
    })
      .flatten({ background: FLATTEN_BACKGROUND })
      .resize({ width: size.width, height: size.height, fit: "cover", position: "centre" })
      .removeAlpha()
      .toColourspace("srgb")
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 || info.width !== size.width || info.height !== size.height) {
      throw new Error(`unexpected ${info.width}×${info.height}×${info.channels} pixel data`);
    }
    const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
    return { data: pixels, width: info.width, height: info.height };
  } catch (error) {
    throw new InputError(`Could not decode the input image: ${shortReason(error)}`);
  }
}

function shortReason(error: unknown): string {
  const message = errorMessage(error);
  const firstLine = message.split("\n")[0]?.trim() || "unknown error";
  return firstLine.length > 160 ? `${firstLine.slice(0, 157)}...` : firstLine;
}

function blackFrame({ width, height }: Size): RgbImage {
  return { data: new Uint8ClampedArray(width * height * 3), width, height };
}

async function encode(
  image: RgbImage,
  format: KontextRequest["output_format"],
  nsfw: boolean,
): Promise<RenderedImage> {
  const { data, width, height } = image;
  const pipeline = sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
    raw: { width, height, channels: 3 },
  });
  // sharp strips metadata unless asked to keep it, so the bytes depend on the pixels only.
  const bytes =
    format === "jpeg"
      ? await pipeline.jpeg({ quality: JPEG_QUALITY }).toBuffer()
      : await pipeline.png().toBuffer();
  const contentType = format === "jpeg" ? "image/jpeg" : "image/png";
  return { bytes, contentType, width, height, nsfw };
}

/** One output image before its preview mark: the prompt look, then the LoRA looks. */
function editImage(base: RgbImage, request: KontextRequest, seed: number, index: number): RgbImage {
  const image = { ...base, data: new Uint8ClampedArray(base.data) };
  applyPromptLook(image, request.prompt, seed, index, request.guidance_scale);
  return applyLoraLooks(image, request.loras);
}

// ---------------------------------------------------------------------------------------------
// Colour matrices

type Matrix3 = [number, number, number, number, number, number, number, number, number];

// Hue rotation and saturation as in the CSS filter effects spec (luminance-preserving).
function hueMatrix(degrees: number): Matrix3 {
  const c = Math.cos((degrees * Math.PI) / 180);
  const s = Math.sin((degrees * Math.PI) / 180);
  return [
    0.213 + c * 0.787 - s * 0.213,
    0.715 - c * 0.715 - s * 0.715,
    0.072 - c * 0.072 + s * 0.928,
    0.213 - c * 0.213 + s * 0.143,
    0.715 + c * 0.285 + s * 0.14,
    0.072 - c * 0.072 - s * 0.283,
    0.213 - c * 0.213 - s * 0.787,
    0.715 - c * 0.715 + s * 0.715,
    0.072 + c * 0.928 + s * 0.072,
  ];
}

function saturationMatrix(s: number): Matrix3 {
  return [
    0.213 + 0.787 * s,
    0.715 - 0.715 * s,
    0.072 - 0.072 * s,
    0.213 - 0.213 * s,
    0.715 + 0.285 * s,
    0.072 - 0.072 * s,
    0.213 - 0.213 * s,
    0.715 - 0.715 * s,
    0.072 + 0.928 * s,
  ];
}

function multiply(a: Matrix3, b: Matrix3): Matrix3 {
  const out = new Array<number>(9).fill(0) as Matrix3;
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) {
      let sum = 0;
      for (let k = 0; k < 3; k++) sum += (a[row * 3 + k] ?? 0) * (b[k * 3 + col] ?? 0);
      out[row * 3 + col] = sum;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The prompt look

/**
 * The prompt look, in place: a hue rotation and a two-colour gradient wash chosen from the
 * prompt, seed and image index, with saturation, contrast and wash opacity rising with
 * `guidance` (0–20), the way high guidance over-saturates real diffusion output.
 */
function applyPromptLook(
  image: RgbImage,
  prompt: string,
  seed: number,
  index: number,
  guidance: number,
): void {
  const [u0 = 0, u1 = 0, u2 = 0, u3 = 0] = hashUnits(`prompt\u0000${prompt}\u0000${seed}`);
  // Index offsets (not fresh hashes) keep sibling images at least ~70° of hue apart.
  const hue = 30 + u0 * 300 + index * 97;
  const washAngle = (u3 + index * 0.382) * 2 * Math.PI;
  const washHue = u1 * 360 + index * 137.5;
  const from = hsl(washHue, 0.85, 0.55);
  const to = hsl(washHue + 120 + u2 * 120, 0.85, 0.5);
  const contrast = 1 + guidance * 0.04;
  const m = multiply(saturationMatrix(0.7 + guidance * 0.16), hueMatrix(hue)).map(
    (v) => v * contrast,
  ) as Matrix3;
  const offset = 128 * (1 - contrast);
  const alpha = 0.1 + guidance * 0.02;

  const { data, width, height } = image;
  const dx = Math.cos(washAngle) / Math.hypot(width, height);
  const dy = Math.sin(washAngle) / Math.hypot(width, height);
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = m;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const r = data[i] ?? 0;
      const g = data[i + 1] ?? 0;
      const b = data[i + 2] ?? 0;
      const t = Math.min(1, Math.max(0, 0.5 + (x - width / 2) * dx + (y - height / 2) * dy));
      data[i] = lerp(m0 * r + m1 * g + m2 * b + offset, lerp(from[0], to[0], t), alpha);
      data[i + 1] = lerp(m3 * r + m4 * g + m5 * b + offset, lerp(from[1], to[1], t), alpha);
      data[i + 2] = lerp(m6 * r + m7 * g + m8 * b + offset, lerp(from[2], to[2], t), alpha);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// LoRA blending

/**
 * Blends every LoRA's look onto `image`: each look weighs min(scale, 1) and scales above 1
 * exaggerate the look itself; weights are normalised when they add up past 1. Scale 0 is a no-op.
 * LoRAs are sorted first so their order does not change the result.
 */
function applyLoraLooks(image: RgbImage, loras: readonly LoraWeight[]): RgbImage {
  const active = loras
    .filter((lora) => lora.scale > 0)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.scale - b.scale));
  if (active.length === 0) return image;
  const src = image.data;
  const norm = Math.max(
    1,
    active.reduce((sum, lora) => sum + Math.min(1, lora.scale), 0),
  );
  const delta = new Float32Array(src.length);
  for (const lora of active) {
    const { look, params } = loraLook(lora.path);
    const styled = paintLook(image, look, params, Math.max(1, lora.scale));
    const weight = Math.min(1, lora.scale) / norm;
    for (let i = 0; i < src.length; i++) {
      delta[i] = (delta[i] ?? 0) + weight * ((styled[i] ?? 0) - (src[i] ?? 0));
    }
  }
  const out = new Uint8ClampedArray(src.length);
  for (let i = 0; i < src.length; i++) out[i] = (src[i] ?? 0) + (delta[i] ?? 0);
  return { ...image, data: out };
}
