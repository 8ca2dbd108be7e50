import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { embedPngText, isPng, readPngText } from "./png-metadata";

async function png(): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 8, height: 6, channels: 3, background: "#f00" } })
      .png()
      .toBuffer(),
  );
}

describe("PNG text metadata", () => {
  it("embeds a recipe that reads back exactly, Unicode included, and keeps the image intact", async () => {
    const original = await png();
    const recipe = JSON.stringify({ prompt: "Make it snow — ❄️ 雪", seed: 42 });
    const tagged = embedPngText(original, recipe);
    expect(isPng(tagged)).toBe(true);
    expect(readPngText(tagged)).toBe(recipe);
    const { data, info } = await sharp(Buffer.from(tagged))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const reference = await sharp(Buffer.from(original)).raw().toBuffer();
    expect([info.width, info.height]).toEqual([8, 6]);
    expect(data.equals(reference)).toBe(true);
  });

  it("replaces an earlier recipe instead of stacking them", async () => {
    const twice = embedPngText(embedPngText(await png(), "first"), "second");
    expect(readPngText(twice)).toBe("second");
    expect(Buffer.from(twice).toString("latin1").split("kontext-playground").length - 1).toBe(1);
  });

  it("answers null for a PNG without a recipe", async () => {
    expect(readPngText(await png())).toBeNull();
  });

  it("refuses a file that is not a PNG, a truncated one and a corrupt one", async () => {
    expect(() => readPngText(new TextEncoder().encode("hello"))).toThrow("Not a PNG file");
    const tagged = embedPngText(await png(), "x");
    expect(() => readPngText(tagged.subarray(0, tagged.length - 20))).toThrow(/truncated/);
    const corrupt = tagged.slice();
    corrupt[40] = (corrupt[40] ?? 0) ^ 0xff;
    expect(() => readPngText(corrupt)).toThrow(/corrupt|truncated/);
  });
});
