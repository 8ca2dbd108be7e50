import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { type KontextInput, kontextInputSchema } from "@/lib/kontext/schema";
import { FONT_CHARACTERS, GLYPH_HEIGHT, textWidth } from "./bitmap-font";
import { InputError } from "./errors";
import {
  isFlaggedPrompt,
  PREVIEW_TITLES,
  type RenderedImage,
  type RenderOptions,
  renderImages,
} from "./render";

type Colour = readonly [number, number, number];

const RED: Colour = [230, 30, 30];
const GREEN: Colour = [30, 200, 60];
const BLUE: Colour = [30, 60, 230];
const GREY: Colour = [128, 128, 128];

// LoRA paths with four different looks (pinned in looks.test.ts).
const GHIBLI = "https://example.com/loras/ghibli.safetensors";
const NOIR = "https://example.com/loras/noir.safetensors";
const COMIC = "https://example.com/loras/comic.safetensors";
const CLAY = "https://example.com/loras/clay.safetensors";

function request(overrides: Partial<KontextInput> = {}) {
  return kontextInputSchema.parse({
    image_url: "https://example.com/input.png",
    prompt: "turn the sky into a sunset",
    ...overrides,
  });
}

/** A raw RGB image painted by `paint(x, y)`. */
function paintRaw(width: number, height: number, paint: (x: number, y: number) => Colour) {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 3);
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

/** A PNG fixture with some structure: a diagonal gradient and a red/blue block. */
function scenePng(width = 240, height = 160): Promise<Buffer> {
  return paintRaw(width, height, (x, y) => {
    if (x > width * 0.2 && x < width * 0.5 && y > height * 0.3 && y < height * 0.7) return RED;
    if (x > width * 0.6 && y > height * 0.5) return BLUE;
    const t = (x + y) / (width + height);
    return [40 + 180 * t, 120, 220 - 160 * t];
  })
    .png()
    .toBuffer();
}

function solidPng(width: number, height: number, colour: Colour): Promise<Buffer> {
  return paintRaw(width, height, () => colour)
    .png()
    .toBuffer();
}

async function render(
  overrides: Partial<KontextInput> = {},
  options: Partial<Omit<RenderOptions, "request">> = {},
): Promise<RenderedImage[]> {
  return renderImages({
    source: options.source ?? (await scenePng()),
    request: request(overrides),
    seed: options.seed ?? 42,
    size: options.size ?? { width: 192, height: 128 },
  });
}

async function first(...args: Parameters<typeof render>): Promise<RenderedImage> {
  const [image] = await render(...args);
  if (!image) throw new Error("no image rendered");
  return image;
}

async function pixels(image: RenderedImage) {
  const { data, info } = await sharp(image.bytes).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** Mean absolute difference per channel value (0–255) between two rendered images. */
async function meanDiff(a: RenderedImage, b: RenderedImage): Promise<number> {
  const [pa, pb] = await Promise.all([pixels(a), pixels(b)]);
  expect(pa.data.length).toBe(pb.data.length);
  let sum = 0;
  for (let i = 0; i < pa.data.length; i++) sum += Math.abs((pa.data[i] ?? 0) - (pb.data[i] ?? 0));
  return sum / pa.data.length;
}

/** Luma of every pixel in rows [fromRow, toRow). */
async function rowLumas(image: RenderedImage, fromRow: number, toRow: number): Promise<number[]> {
  const { data, width, channels } = await pixels(image);
  const lumas: number[] = [];
  for (let i = fromRow * width * channels; i < toRow * width * channels; i += channels) {
    lumas.push(0.2126 * (data[i] ?? 0) + 0.7152 * (data[i + 1] ?? 0) + 0.0722 * (data[i + 2] ?? 0));
  }
  return lumas;
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe("renderImages: geometry", () => {
  it.each([
    [128, 128],
    [320, 192],
    [96, 256],
    [64, 64],
  ])("renders exactly %i×%i pixels", async (width, height) => {
    const image = await first({}, { size: { width, height } });
    expect([image.width, image.height]).toEqual([width, height]);
    const metadata = await sharp(image.bytes).metadata();
    expect([metadata.width, metadata.height]).toEqual([width, height]);
  });

  it("cover-crops around the centre instead of stretching or letterboxing", async () => {
    const size = { width: 96, height: 96 };
    const thirds = await paintRaw(300, 100, (x) => (x < 100 ? RED : x < 200 ? GREEN : BLUE))
      .png()
      .toBuffer();
    const [cropped, allGreen, allRed] = await Promise.all([
      first({}, { source: thirds, size }),
      first({}, { source: await solidPng(300, 100, GREEN), size }),
      first({}, { source: await solidPng(300, 100, RED), size }),
    ]);
    // Same request, so the edit is the same: only the source pixels can make a difference.
    expect(await meanDiff(cropped, allGreen)).toBeLessThan(3);
    expect(await meanDiff(cropped, allRed)).toBeGreaterThan(40);
  });

  it("honours EXIF orientation before cropping", async () => {
    // Stored 200×100 (left red, right blue) with orientation 6: displayed as 100×200, red on top.
    const rotated = await paintRaw(200, 100, (x) => (x < 100 ? RED : BLUE))
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(rotated).metadata()).orientation).toBe(6);
    const size = { width: 96, height: 192 };
    const [fromExif, redTop, blueTop] = await Promise.all([
      first({}, { source: rotated, size }),
      first(
        {},
        {
          source: await paintRaw(100, 200, (_x, y) => (y < 100 ? RED : BLUE))
            .png()
            .toBuffer(),
          size,
        },
      ),
      first(
        {},
        {
          source: await paintRaw(100, 200, (_x, y) => (y < 100 ? BLUE : RED))
            .png()
            .toBuffer(),
          size,
        },
      ),
    ]);
    expect(await meanDiff(fromExif, redTop)).toBeLessThan(6);
    expect(await meanDiff(fromExif, blueTop)).toBeGreaterThan(40);
  });

  it("uses the first frame of an animated GIF", async () => {
    const frames = paintRaw(64, 128, (_x, y) => (y < 64 ? RED : BLUE));
    const gif = await sharp(await frames.raw().toBuffer(), {
      raw: { width: 64, height: 128, channels: 3, pageHeight: 64 },
    })
      .gif()
      .toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(2);
    const size = { width: 64, height: 64 };
    const [fromGif, redOnly] = await Promise.all([
      first({}, { source: gif, size }),
      first({}, { source: await solidPng(64, 64, RED), size }),
    ]);
    expect(await meanDiff(fromGif, redOnly)).toBeLessThan(3);
  });

  it("flattens transparency onto neutral grey", async () => {
    const transparent = await sharp({
      create: { width: 80, height: 80, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const size = { width: 80, height: 80 };
    const [flattened, grey] = await Promise.all([
      first({}, { source: transparent, size }),
      first({}, { source: await solidPng(80, 80, GREY), size }),
    ]);
    expect(await meanDiff(flattened, grey)).toBeLessThan(1);
  });
});

describe("renderImages: output", () => {
  it("gives num_images visibly different images", async () => {
    const images = await render({ num_images: 4 });
    expect(images).toHaveLength(4);
    for (let i = 0; i < images.length; i++) {
      for (let j = i + 1; j < images.length; j++) {
        const [a, b] = [images[i], images[j]];
        if (!a || !b) throw new Error("missing image");
        expect(await meanDiff(a, b)).toBeGreaterThan(10);
      }
    }
  });

  it.each([
    "png",
    "jpeg",
  ] as const)("is byte-identical for the same options (%s)", async (format) => {
    const overrides = {
      output_format: format,
      num_images: 2,
      loras: [{ path: COMIC, scale: 1.3 }],
    };
    const [once, twice] = await Promise.all([render(overrides), render(overrides)]);
    expect(once.map((image) => image.bytes)).toEqual(twice.map((image) => image.bytes));
  });

  it("encodes PNG or JPEG per output_format, without metadata", async () => {
    const png = await first({ output_format: "png" });
    const jpeg = await first({ output_format: "jpeg" });
    expect(png.contentType).toBe("image/png");
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(jpeg.contentType).toBe("image/jpeg");
    expect([...jpeg.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    for (const image of [png, jpeg]) {
      const metadata = await sharp(image.bytes).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.icc).toBeUndefined();
    }
  });

  it("changes with the seed and with the prompt", async () => {
    const base = await first();
    expect(await meanDiff(base, await first({}, { seed: 43 }))).toBeGreaterThan(10);
    expect(await meanDiff(base, await first({ prompt: "make it winter" }))).toBeGreaterThan(10);
  });

  it("makes the prompt look stronger as guidance_scale rises", async () => {
    const low = await first({ guidance_scale: 1 });
    const high = await first({ guidance_scale: 15 });
    expect(await meanDiff(low, high)).toBeGreaterThan(15);
  });
});

describe("renderImages: LoRA looks", () => {
  it("gives visibly different images for different LoRA paths", async () => {
    const images = await Promise.all(
      [GHIBLI, NOIR, COMIC, CLAY].map((path) => first({ loras: [{ path, scale: 1 }] })),
    );
    const plain = await first();
    for (const [i, a] of images.entries()) {
      expect(await meanDiff(a, plain)).toBeGreaterThan(15);
      for (const b of images.slice(i + 1)) expect(await meanDiff(a, b)).toBeGreaterThan(15);
    }
  });

  it("has no effect at scale 0 (pixel-identical to no LoRA)", async () => {
    const plain = await pixels(await first());
    const zero = await pixels(await first({ loras: [{ path: NOIR, scale: 0 }] }));
    expect(zero.data.equals(plain.data)).toBe(true);
  });

  it("gets stronger with scale", async () => {
    const plain = await first();
    const [half, full, boosted, max] = await Promise.all(
      [0.5, 1, 1.5, 4].map((scale) => first({ loras: [{ path: COMIC, scale }] })),
    );
    if (!half || !full || !boosted || !max) throw new Error("missing image");
    expect(await meanDiff(half, boosted)).toBeGreaterThan(10);
    expect(await meanDiff(half, plain)).toBeLessThan(await meanDiff(full, plain));
    expect(await meanDiff(full, boosted)).toBeGreaterThan(3);
    expect(await meanDiff(boosted, max)).toBeGreaterThan(3);
  });

  it("blends several LoRAs, whatever their order", async () => {
    const ghibli = { path: GHIBLI, scale: 0.8 };
    const clay = { path: CLAY, scale: 0.7 };
    const both = await first({ loras: [ghibli, clay] });
    const reversed = await first({ loras: [clay, ghibli] });
    expect(both.bytes.equals(reversed.bytes)).toBe(true);
    expect(await meanDiff(both, await first({ loras: [ghibli] }))).toBeGreaterThan(8);
    expect(await meanDiff(both, await first({ loras: [clay] }))).toBeGreaterThan(8);
  });
});

describe("renderImages: preview mark", () => {
  it.each([
    [64, 64],
    [256, 256],
    [1200, 320],
  ])("writes bright text in a dark bottom band at %i×%i", async (width, height) => {
    const size = { width, height };
    const band = Math.max(12, Math.round(height * 0.2)); // generous: the band is at most this tall
    const onBlack = await first({}, { source: await solidPng(width, height, [0, 0, 0]), size });
    const textPixels = (await rowLumas(onBlack, height - band, height)).filter((l) => l > 200);
    const abovePixels = (await rowLumas(onBlack, 0, height - band)).filter((l) => l > 200);
    expect(textPixels.length).toBeGreaterThan(width / 8);
    expect(abovePixels).toHaveLength(0);

    const onWhite = await first(
      {},
      { source: await solidPng(width, height, [255, 255, 255]), size },
    );
    const bandLuma = mean(await rowLumas(onWhite, height - 4, height));
    const aboveLuma = mean(await rowLumas(onWhite, height - band - 8, height - band));
    expect(bandLuma).toBeLessThan(aboveLuma * 0.6);
  });

  it("scales the text with the image width", async () => {
    const rowsWithText = async (width: number) => {
      const size = { width, height: 200 };
      const image = await first({}, { source: await solidPng(width, 200, [0, 0, 0]), size });
      const lumas = await rowLumas(image, 0, 200);
      return Array.from({ length: 200 }, (_, y) =>
        lumas.slice(y * width, (y + 1) * width).some((l) => l > 200),
      ).filter(Boolean).length;
    };
    expect(await rowsWithText(1600)).toBeGreaterThanOrEqual(4 * (await rowsWithText(256)));
  });

  it("has a glyph for every character of the mark", () => {
    const text = [...PREVIEW_TITLES, "SEED 4294967295  #4/4"].join("");
    for (const char of text) expect(FONT_CHARACTERS).toContain(char);
    expect(textWidth(PREVIEW_TITLES[0], 1)).toBe(24 * 6 - 1);
    expect(textWidth("AB", 3)).toBe(11 * 3);
    expect(GLYPH_HEIGHT).toBe(7);
  });
});

describe("renderImages: safety checker", () => {
  it.each([
    ["an nsfw edit", true],
    ["NSFW", true],
    ["make it Nsfw.", true],
    ["nsfwish", false],
    ["unsafe for work", false],
  ])("flags %j: %s", (prompt, flagged) => {
    expect(isFlaggedPrompt(prompt)).toBe(flagged);
  });

  it("returns black frames flagged nsfw, still carrying the preview mark, when the checker is on", async () => {
    const images = await render({ prompt: "make it nsfw", num_images: 2 });
    expect(images).toHaveLength(2);
    for (const image of images) {
      expect(image.nsfw).toBe(true);
      const { width, height } = await pixels(image);
      expect([width, height]).toEqual([192, 128]);
      const band = Math.ceil(height / 6);
      const above = await rowLumas(image, 0, height - band);
      expect(above.every((luma) => luma === 0)).toBe(true);
      const inBand = await rowLumas(image, height - band, height);
      expect(inBand.some((luma) => luma > 200)).toBe(true);
    }
  });

  it("renders normally when the checker is off", async () => {
    const image = await first({ prompt: "make it nsfw", enable_safety_checker: false });
    expect(image.nsfw).toBe(false);
    const { data } = await pixels(image);
    expect(mean([...data])).toBeGreaterThan(30);
  });

  it("does not flag clean prompts", async () => {
    expect((await first()).nsfw).toBe(false);
  });
});

describe("renderImages: unreadable input", () => {
  it.each([
    ["random bytes", async () => Buffer.from("definitely not an image")],
    ["a truncated PNG", async () => (await scenePng()).subarray(0, 300)],
    [
      "a truncated JPEG",
      async () => {
        const jpeg = await sharp(await scenePng())
          .jpeg()
          .toBuffer();
        return jpeg.subarray(0, Math.floor(jpeg.length * 0.7));
      },
    ],
  ])("throws an InputError for %s", async (_name, make) => {
    const source = await make();
    for (const prompt of ["a clean prompt", "nsfw"]) {
      const error = await render({ prompt }, { source }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/^Could not decode the input image: \S/);
      expect((error as InputError).field).toBe("image_url");
    }
  });
});
