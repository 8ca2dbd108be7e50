/**
 * A tiny built-in 5×7 bitmap font and a bottom label band, drawn straight into RGB pixel buffers.
 * The local engine marks its previews with it instead of SVG text, because a fresh CI machine may
 * have no system fonts at all and librsvg would then render nothing.
 */

/** An 8-bit RGB image (3 channels, no padding), row-major from the top-left corner. */
export interface RgbImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** An RGB colour, each channel 0–255. */
export type Rgb = readonly [number, number, number];

/** Glyph size in font pixels; glyphs are separated by one empty column. */
export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;
const ADVANCE = GLYPH_WIDTH + 1;

// Each glyph is 7 rows of 5 bits, the leftmost bit first.
const GLYPH_ROWS: Record<string, string> = {
  A: "01110 10001 10001 11111 10001 10001 10001",
  B: "11110 10001 10001 11110 10001 10001 11110",
  C: "01110 10001 10000 10000 10000 10001 01110",
  D: "11110 10001 10001 10001 10001 10001 11110",
  E: "11111 10000 10000 11110 10000 10000 11111",
  F: "11111 10000 10000 11110 10000 10000 10000",
  G: "01110 10001 10000 10111 10001 10001 01111",
  H: "10001 10001 10001 11111 10001 10001 10001",
  I: "01110 00100 00100 00100 00100 00100 01110",
  J: "00111 00010 00010 00010 00010 10010 01100",
  K: "10001 10010 10100 11000 10100 10010 10001",
  L: "10000 10000 10000 10000 10000 10000 11111",
  M: "10001 11011 10101 10101 10001 10001 10001",
  N: "10001 10001 11001 10101 10011 10001 10001",
  O: "01110 10001 10001 10001 10001 10001 01110",
  P: "11110 10001 10001 11110 10000 10000 10000",
  Q: "01110 10001 10001 10001 10101 10010 01101",
  R: "11110 10001 10001 11110 10100 10010 10001",
  S: "01111 10000 10000 01110 00001 00001 11110",
  T: "11111 00100 00100 00100 00100 00100 00100",
  U: "10001 10001 10001 10001 10001 10001 01110",
  V: "10001 10001 10001 10001 10001 01010 00100",
  W: "10001 10001 10001 10101 10101 10101 01010",
  X: "10001 10001 01010 00100 01010 10001 10001",
  Y: "10001 10001 10001 01010 00100 00100 00100",
  Z: "11111 00001 00010 00100 01000 10000 11111",
  "0": "01110 10001 10011 10101 11001 10001 01110",
  "1": "00100 01100 00100 00100 00100 00100 01110",
  "2": "01110 10001 00001 00010 00100 01000 11111",
  "3": "11111 00010 00100 00010 00001 10001 01110",
  "4": "00010 00110 01010 10010 11111 00010 00010",
  "5": "11111 10000 11110 00001 00001 10001 01110",
  "6": "00110 01000 10000 11110 10001 10001 01110",
  "7": "11111 00001 00010 00100 01000 01000 01000",
  "8": "01110 10001 10001 01110 10001 10001 01110",
  "9": "01110 10001 10001 01111 00001 00010 01100",
  " ": "00000 00000 00000 00000 00000 00000 00000",
  "-": "00000 00000 00000 11111 00000 00000 00000",
  "#": "01010 01010 11111 01010 11111 01010 01010",
  "/": "00000 00001 00010 00100 01000 10000 00000",
  ".": "00000 00000 00000 00000 00000 01100 01100",
  ",": "00000 00000 00000 00000 01100 00100 01000",
  ":": "00000 01100 01100 00000 01100 01100 00000",
  "×": "00000 10001 01010 00100 01010 10001 00000",
  "+": "00000 00100 00100 11111 00100 00100 00000",
  "=": "00000 00000 11111 00000 11111 00000 00000",
  "!": "00100 00100 00100 00100 00100 00000 00100",
  "?": "01110 10001 00001 00010 00100 00000 00100",
};

const GLYPHS = new Map<string, number[]>(
  Object.entries(GLYPH_ROWS).map(([char, rows]) => [
    char,
    rows.split(" ").map((row) => Number.parseInt(row, 2)),
  ]),
);

/** The characters the font can draw; anything else is drawn as `?` (letters are upper-cased). */
export const FONT_CHARACTERS: readonly string[] = [...GLYPHS.keys()];

/** Width in image pixels of `text` drawn at `scale` (image pixels per font pixel). */
export function textWidth(text: string, scale: number): number {
  const length = [...text].length;
  return length === 0 ? 0 : (length * ADVANCE - 1) * scale;
}

/**
 * Draws `text` with its top-left corner at (`x`, `y`), each font pixel as a `scale`×`scale`
 * square of `colour`. Parts outside the image are clipped.
 */
export function drawText(
  image: RgbImage,
  text: string,
  x: number,
  y: number,
  scale: number,
  colour: Rgb,
): void {
  let penX = x;
  for (const char of text.toUpperCase()) {
    const rows = GLYPHS.get(char) ?? GLYPHS.get("?") ?? [];
    rows.forEach((bits, row) => {
      for (let column = 0; column < GLYPH_WIDTH; column++) {
        if (bits & (1 << (GLYPH_WIDTH - 1 - column))) {
          fillRect(image, penX + column * scale, y + row * scale, scale, scale, colour);
        }
      }
    });
    penX += ADVANCE * scale;
  }
}

/** Fills a rectangle with `colour`, clipped to the image. */
export function fillRect(
  image: RgbImage,
  x: number,
  y: number,
  width: number,
  height: number,
  colour: Rgb,
): void {
  const x0 = Math.max(0, x);
  const y0 = Math.max(0, y);
  const x1 = Math.min(image.width, x + width);
  const y1 = Math.min(image.height, y + height);
  const [r, g, b] = colour;
  for (let py = y0; py < y1; py++) {
    for (let px = x0; px < x1; px++) {
      const i = (py * image.width + px) * 3;
      image.data[i] = r;
      image.data[i + 1] = g;
      image.data[i + 2] = b;
    }
  }
}

/** What {@link drawBottomBand} writes. */
export interface BandText {
  /** The title, longest first: the first one that fits is drawn, else the last one cut to fit. */
  titles: readonly string[];
  /** A smaller note, drawn right of the title or on a second line when there is room; else left out. */
  caption: string;
}

const BAND_OPACITY = 0.62;
const TITLE_COLOUR: Rgb = [255, 255, 255];
const CAPTION_COLOUR: Rgb = [255, 214, 92];

/**
 * Darkens a band along the bottom edge and writes `text` in it. The font scale follows the image
 * width (1 below 480 px, about one step per 320 px above) and never lets the band take more than
 * about a third of the height, so the mark stays readable from 64 px to 2,000+ px images.
 */
export function drawBottomBand(image: RgbImage, text: BandText): void {
  const { width, height } = image;
  const byWidth = Math.round(width / 320);
  const byHeight = Math.floor((height * 0.34) / (GLYPH_HEIGHT + 4));
  const scale = Math.max(1, Math.min(byWidth, byHeight));
  const pad = 2 * scale;
  const lineHeight = GLYPH_HEIGHT * scale;
  const available = width - 2 * pad;

  const title = fitTitle(text.titles, available, scale);
  const titleWidth = textWidth(title, scale);
  const captionWidth = textWidth(text.caption, scale);
  const sameLine = titleWidth + 4 * ADVANCE * scale + captionWidth <= available;
  const twoLineHeight = 2 * pad + 2 * lineHeight + 2 * scale;
  const secondLine = !sameLine && captionWidth <= available && twoLineHeight <= height * 0.45;
  const bandHeight = Math.min(height, secondLine ? twoLineHeight : 2 * pad + lineHeight);

  darkenRows(image, height - bandHeight, height, BAND_OPACITY);
  const top = height - bandHeight + pad;
  drawText(image, title, pad, top, scale, TITLE_COLOUR);
  if (sameLine) {
    drawText(image, text.caption, width - pad - captionWidth, top, scale, CAPTION_COLOUR);
  } else if (secondLine) {
    drawText(image, text.caption, pad, top + lineHeight + 2 * scale, scale, CAPTION_COLOUR);
  }
}

function fitTitle(titles: readonly string[], available: number, scale: number): string {
  const fitting = titles.find((title) => textWidth(title, scale) <= available);
  if (fitting !== undefined) return fitting;
  const last = [...(titles.at(-1) ?? "")];
  const maxChars = Math.max(0, Math.floor((available + scale) / (ADVANCE * scale)));
  return last.slice(0, maxChars).join("").trimEnd();
}

function darkenRows(image: RgbImage, fromRow: number, toRow: number, opacity: number): void {
  const keep = 1 - opacity;
  const start = Math.max(0, fromRow) * image.width * 3;
  const end = Math.min(image.height, toRow) * image.width * 3;
  for (let i = start; i < end; i++) image.data[i] = (image.data[i] ?? 0) * keep;
}
