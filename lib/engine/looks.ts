import "server-only";
import { createHash } from "node:crypto";
import type { Rgb, RgbImage } from "./bitmap-font";

/**
 * The local engine's LoRA looks: each LoRA path picks one of nine deterministic styles by hash
 * (with path-derived colours and sizes), painted as a full-strength copy of the image. How much
 * of each look ends up in the output is the renderer's business (see render.ts).
 */

/** The LoRA looks of the local engine; each LoRA path picks one by hash. */
export const LORA_LOOKS = [
  "posterize",
  "duotone",
  "toned",
  "pixelate",
  "ink-sketch",
  "emboss",
  "halftone",
  "channel-swap",
  "threshold",
] as const;
export type LoraLook = (typeof LORA_LOOKS)[number];

/**
 * Makes a full-strength styled copy of `src`. `p` holds seven hash units in [0, 1) from the LoRA
 * path (colours, sizes); `boost` (1–4, the LoRA scale when above 1) exaggerates the look.
 */
type LookFn = (src: RgbImage, p: number[], boost: number) => Uint8ClampedArray;

/** The look (and its path-derived parameters) a LoRA path renders as in the local engine. */
export function loraLook(path: string): { look: LoraLook; params: number[] } {
  const [u0 = 0, ...params] = hashUnits(`lora\u0000${path.trim()}`);
  const look = LORA_LOOKS[Math.floor(u0 * LORA_LOOKS.length)] ?? "posterize";
  return { look, params };
}

/**
 * A full-strength copy of `src` in `look`, with the `params` {@link loraLook} derived from the
 * LoRA path; `boost` (1–4, the LoRA scale when above 1) exaggerates the look.
 */
export function paintLook(
  src: RgbImage,
  look: LoraLook,
  params: number[],
  boost: number,
): Uint8ClampedArray {
  return LOOK_FNS[look](src, params, boost);
}

// ---------------------------------------------------------------------------------------------
// Hashing and colour helpers (also used by the renderer's prompt look)

/** Eight deterministic numbers in [0, 1) from the SHA-256 of `text`. */
export function hashUnits(text: string): number[] {
  const digest = createHash("sha256").update(text, "utf8").digest();
  return Array.from({ length: 8 }, (_, i) => digest.readUInt32BE(i * 4) / 2 ** 32);
}

/** HSL (hue in degrees, saturation and lightness 0–1) to RGB 0–255 (the CSS Color 4 formula). */
export function hsl(hue: number, saturation: number, lightness: number): Rgb {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (((n + hue / 30) % 12) + 12) % 12;
    return (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255;
  };
  return [channel(0), channel(8), channel(4)];
}

/** Linear interpolation from `a` (t = 0) to `b` (t = 1). */
export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

// ---------------------------------------------------------------------------------------------
// Pixel helpers and the looks

function luma(r: number, g: number, b: number): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/** A new image from `paint`, called once per pixel with its colour and position; it writes `out`. */
function mapPixels(
  src: RgbImage,
  paint: (r: number, g: number, b: number, x: number, y: number, out: number[]) => void,
): Uint8ClampedArray {
  const { data, width, height } = src;
  const out = new Uint8ClampedArray(data.length);
  const colour = [0, 0, 0];
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      paint(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, x, y, colour);
      out[i] = colour[0] ?? 0;
      out[i + 1] = colour[1] ?? 0;
      out[i + 2] = colour[2] ?? 0;
    }
  }
  return out;
}

function mix(out: number[], a: ArrayLike<number>, b: ArrayLike<number>, t: number): void {
  out[0] = lerp(a[0] ?? 0, b[0] ?? 0, t);
  out[1] = lerp(a[1] ?? 0, b[1] ?? 0, t);
  out[2] = lerp(a[2] ?? 0, b[2] ?? 0, t);
}

/** Sobel gradients of the luma, edges clamped; values roughly within ±1,020. */
function gradients({ data, width, height }: RgbImage): { gx: Float32Array; gy: Float32Array } {
  const gray = new Float32Array(width * height);
  for (let p = 0; p < gray.length; p++) {
    gray[p] = luma(data[p * 3] ?? 0, data[p * 3 + 1] ?? 0, data[p * 3 + 2] ?? 0);
  }
  const gx = new Float32Array(gray.length);
  const gy = new Float32Array(gray.length);
  for (let y = 0; y < height; y++) {
    const up = Math.max(0, y - 1) * width;
    const row = y * width;
    const down = Math.min(height - 1, y + 1) * width;
    for (let x = 0; x < width; x++) {
      const left = Math.max(0, x - 1);
      const right = Math.min(width - 1, x + 1);
      const tl = gray[up + left] ?? 0;
      const tr = gray[up + right] ?? 0;
      const bl = gray[down + left] ?? 0;
      const br = gray[down + right] ?? 0;
      gx[row + x] = tr + 2 * (gray[row + right] ?? 0) + br - tl - 2 * (gray[row + left] ?? 0) - bl;
      gy[row + x] = bl + 2 * (gray[down + x] ?? 0) + br - tl - 2 * (gray[up + x] ?? 0) - tr;
    }
  }
  return { gx, gy };
}

/** Average colour of each `cell`×`cell` block, row-major over the block grid. */
function blockAverages({ data, width, height }: RgbImage, cell: number): Float32Array {
  const columns = Math.ceil(width / cell);
  const sums = new Float32Array(columns * Math.ceil(height / cell) * 4);
  for (let y = 0, i = 0; y < height; y++) {
    const row = Math.floor(y / cell) * columns;
    for (let x = 0; x < width; x++, i += 3) {
      const k = (row + Math.floor(x / cell)) * 4;
      sums[k] = (sums[k] ?? 0) + (data[i] ?? 0);
      sums[k + 1] = (sums[k + 1] ?? 0) + (data[i + 1] ?? 0);
      sums[k + 2] = (sums[k + 2] ?? 0) + (data[i + 2] ?? 0);
      sums[k + 3] = (sums[k + 3] ?? 0) + 1;
    }
  }
  const averages = new Float32Array((sums.length / 4) * 3);
  for (let k = 0; k < sums.length / 4; k++) {
    const n = sums[k * 4 + 3] || 1;
    for (let c = 0; c < 3; c++) averages[k * 3 + c] = (sums[k * 4 + c] ?? 0) / n;
  }
  return averages;
}

const CHANNEL_ORDERS = [
  [1, 2, 0],
  [2, 0, 1],
  [0, 2, 1],
  [2, 1, 0],
  [1, 0, 2],
] as const;

const LOOK_FNS: Record<LoraLook, LookFn> = {
  // Few flat tones per channel, with path-derived offsets that shift the palette.
  posterize: (src, [p0 = 0, p1 = 0, p2 = 0, p3 = 0], boost) => {
    const levels = Math.max(2, Math.round((3 + Math.floor(p0 * 4)) / boost));
    const step = 255 / (levels - 1);
    const offsets = [p1, p2, p3].map((p) => (p - 0.5) * step);
    const [o0 = 0, o1 = 0, o2 = 0] = offsets;
    const quantize = (v: number) => Math.round(v / step) * step;
    return mapPixels(src, (r, g, b, _x, _y, out) => {
      out[0] = quantize(r + o0);
      out[1] = quantize(g + o1);
      out[2] = quantize(b + o2);
    });
  },
  // Luma mapped from a dark to a light path-derived colour; boost adds contrast.
  duotone: (src, [p0 = 0, p1 = 0], boost) => {
    const dark = hsl(p0 * 360, 0.75, 0.16);
    const light = hsl(p0 * 360 + 90 + p1 * 180, 0.85, 0.82);
    return mapPixels(src, (r, g, b, _x, _y, out) => {
      mix(out, dark, light, clamp01((luma(r, g, b) / 255 - 0.5) * 1.2 * boost + 0.5));
    });
  },
  // Monochrome toned through a path-derived colour, with a vignette that boost deepens.
  toned: (src, [p0 = 0, p1 = 0], boost) => {
    const shadow = hsl(p0 * 360, 0.5, 0.08);
    const tone = hsl(p0 * 360, 0.6, 0.45);
    const cream = hsl(p0 * 360 + 20, 0.5, 0.92);
    const vignette = (0.3 + p1 * 0.3) * boost;
    const { width, height } = src;
    return mapPixels(src, (r, g, b, x, y, out) => {
      const nx = (2 * x) / width - 1;
      const ny = (2 * y) / height - 1;
      const l = clamp01((luma(r, g, b) / 255) * (1 - (vignette * (nx * nx + ny * ny)) / 2));
      if (l < 0.5) mix(out, shadow, tone, l * 2);
      else mix(out, tone, cream, (l - 0.5) * 2);
    });
  },
  // Big square pixels; boost makes them bigger.
  pixelate: (src, [p0 = 0], boost) => {
    const side = Math.min(src.width, src.height);
    const block = Math.max(2, Math.round((side * (1 + p0) * boost) / 40));
    const averages = blockAverages(src, block);
    const columns = Math.ceil(src.width / block);
    return mapPixels(src, (_r, _g, _b, x, y, out) => {
      const k = (Math.floor(y / block) * columns + Math.floor(x / block)) * 3;
      out[0] = averages[k] ?? 0;
      out[1] = averages[k + 1] ?? 0;
      out[2] = averages[k + 2] ?? 0;
    });
  },
  // Dark ink lines along edges on tinted paper; boost thickens the strokes.
  "ink-sketch": (src, [p0 = 0, p1 = 0], boost) => {
    const { gx, gy } = gradients(src);
    const paper = hsl(p1 * 360, 0.35, 0.93);
    const ink = hsl(p1 * 360 + 180, 0.6, 0.16);
    const gain = ((1.5 + p0 * 2) * boost) / 255;
    return mapPixels(src, (_r, _g, _b, x, y, out) => {
      const p = y * src.width + x;
      mix(out, paper, ink, clamp01(Math.hypot(gx[p] ?? 0, gy[p] ?? 0) * gain));
    });
  },
  // Relief lit from a path-derived direction, in a tinted metal; boost deepens the relief.
  emboss: (src, [p0 = 0, p1 = 0], boost) => {
    const { gx, gy } = gradients(src);
    const cos = Math.cos(p0 * 2 * Math.PI) * 0.5 * boost;
    const sin = Math.sin(p0 * 2 * Math.PI) * 0.5 * boost;
    const low = hsl(p1 * 360, 0.4, 0.12);
    const high = hsl(p1 * 360 + 30, 0.3, 0.92);
    return mapPixels(src, (_r, _g, _b, x, y, out) => {
      const p = y * src.width + x;
      mix(out, low, high, clamp01(0.5 + ((gx[p] ?? 0) * cos + (gy[p] ?? 0) * sin) / 255));
    });
  },
  // Round dots, bigger where darker, on light paper; boost enlarges the grid.
  halftone: (src, [p0 = 0, p1 = 0, p2 = 0], boost) => {
    const side = Math.min(src.width, src.height);
    const cell = Math.max(4, Math.round((side * (1 + p0) * Math.sqrt(boost)) / 48));
    const averages = blockAverages(src, cell);
    const columns = Math.ceil(src.width / cell);
    const paper = hsl(p1 * 360, 0.25, 0.94);
    const ink = hsl(p2 * 360, 0.7, 0.25);
    // Per cell: the dot radius (darker → bigger) and colour (half ink, half the cell's colour).
    const radii = new Float32Array(averages.length / 3);
    for (let k = 0; k < radii.length; k++) {
      const [r = 0, g = 0, b = 0] = averages.subarray(k * 3, k * 3 + 3);
      radii[k] = cell * 0.72 * Math.sqrt(clamp01(1 - luma(r, g, b) / 255));
      for (let c = 0; c < 3; c++)
        averages[k * 3 + c] = lerp(ink[c] ?? 0, averages[k * 3 + c] ?? 0, 0.5);
    }
    const dot = [0, 0, 0];
    return mapPixels(src, (_r, _g, _b, x, y, out) => {
      const cx = Math.floor(x / cell);
      const cy = Math.floor(y / cell);
      const k = cy * columns + cx;
      const distance = Math.hypot(x + 0.5 - (cx + 0.5) * cell, y + 0.5 - (cy + 0.5) * cell);
      dot[0] = averages[k * 3] ?? 0;
      dot[1] = averages[k * 3 + 1] ?? 0;
      dot[2] = averages[k * 3 + 2] ?? 0;
      mix(out, paper, dot, clamp01((radii[k] ?? 0) - distance + 0.5));
    });
  },
  // RGB channels reordered (one maybe inverted); boost pushes saturation.
  "channel-swap": (src, [p0 = 0, p1 = 0, p2 = 0], boost) => {
    const order = CHANNEL_ORDERS[Math.floor(p0 * CHANNEL_ORDERS.length)] ?? CHANNEL_ORDERS[0];
    const inverted = p1 > 0.6 ? Math.floor(p2 * 3) : -1;
    const saturation = 1 + (boost - 1) * 0.6;
    const rgb: number[] = [0, 0, 0];
    return mapPixels(src, (r, g, b, _x, _y, out) => {
      rgb[0] = r;
      rgb[1] = g;
      rgb[2] = b;
      const l = luma(r, g, b);
      for (let c = 0; c < 3; c++) {
        const v = rgb[order[c] ?? c] ?? 0;
        out[c] = l + ((c === inverted ? 255 - v : v) - l) * saturation;
      }
    });
  },
  // High-contrast two-colour ink at a path-derived threshold; boost hardens the edge.
  threshold: (src, [p0 = 0, p1 = 0], boost) => {
    const level = 0.35 + p0 * 0.3;
    const softness = 0.16 / boost;
    const ink = hsl(p1 * 360, 0.7, 0.14);
    const paper = hsl(p1 * 360 + 40, 0.45, 0.9);
    return mapPixels(src, (r, g, b, _x, _y, out) => {
      const t = clamp01((luma(r, g, b) / 255 - level + softness) / (2 * softness));
      mix(out, ink, paper, t * t * (3 - 2 * t));
    });
  },
};
