import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { KontextRequest } from "@/lib/kontext/schema";
import { historyRun } from "@/tests/fixtures/history";
import { embedPngText, readPngText } from "./png-metadata";
import { embedRecipe, NO_RECIPE_MESSAGE, readRecipe } from "./recipe-png";
import { HISTORY_VERSION, type HistoryRun } from "./types";

function sampleRun(request: Partial<KontextRequest> = {}): HistoryRun {
  return historyRun({
    requestId: "req-1",
    request: {
      image_url: "https://example.com/in.png",
      prompt: "Make it snow — ❄️ 雪",
      seed: 7,
      ...request,
    },
    images: [
      { url: "https://cdn.example.com/out.png", width: 8, height: 6, content_type: "image/png" },
    ],
    inference: 1.25,
    seed: 7,
    inputThumbnail: "data:image/jpeg;base64,AAAA",
  });
}

async function png(): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 8, height: 6, channels: 3, background: "#0af" } })
      .png()
      .toBuffer(),
  );
}

async function pixels(bytes: Uint8Array): Promise<Buffer> {
  return sharp(Buffer.from(bytes)).raw().toBuffer();
}

function refusal(bytes: Uint8Array): string {
  const result = readRecipe(bytes);
  if (result.ok) throw new Error("expected a refusal");
  return result.message;
}

describe("PNG recipe", () => {
  it("round-trips the exact request and response and keeps the pixels", async () => {
    const run = sampleRun();
    const original = await png();
    const tagged = embedRecipe(original, run);
    expect(await pixels(tagged)).toEqual(await pixels(original));
    const result = readRecipe(tagged);
    expect(result).toEqual({ ok: true, request: run.request, response: run.output });
  });

  it("stores a small text without data URIs and says what it dropped", async () => {
    const dataUri = `data:image/png;base64,${"A".repeat(200_000)}`;
    const run = sampleRun({ image_url: dataUri });
    run.output = {
      ...(run.output as NonNullable<HistoryRun["output"]>),
      images: [{ url: dataUri, width: 8, height: 6, content_type: "image/png" }],
    };
    const tagged = embedRecipe(await png(), run);
    const text = readPngText(tagged) ?? "";
    expect(text.length).toBeLessThan(2_000);
    expect(text).not.toContain("data:");
    expect(text).not.toContain("inputThumbnail");
    const result = readRecipe(tagged);
    if (!result.ok) throw new Error(result.message);
    const { image_url: _dropped, ...rest } = run.request;
    expect(result.request).toEqual(rest);
    expect(result.request.image_url).toBeUndefined();
    expect(result.response?.images[0]?.url).toBe("");
    expect(result.note).toMatch(/input image was a data URI/);
    expect(JSON.parse(text)).toMatchObject({
      format: "kontext-playground/run",
      version: HISTORY_VERSION,
    });
    expect(JSON.parse(text)).not.toHaveProperty("images");
  });

  it("omits the response of a run without output and replaces an earlier recipe", async () => {
    const first = embedRecipe(await png(), sampleRun());
    const run = { ...sampleRun({ prompt: "second" }), status: "failed" as const, output: null };
    const result = readRecipe(embedRecipe(first, run));
    if (!result.ok) throw new Error(result.message);
    expect(result.request.prompt).toBe("second");
    expect(result).not.toHaveProperty("response");
  });

  it("refuses a PNG without settings, a non-PNG, and truncated or corrupt PNGs", async () => {
    const plain = await png();
    expect(refusal(plain)).toBe(NO_RECIPE_MESSAGE);
    expect(NO_RECIPE_MESSAGE).toBe("This PNG carries no Kontext Playground settings");
    expect(refusal(new TextEncoder().encode("GIF89a..."))).toBe("Not a PNG file");
    const tagged = embedRecipe(plain, sampleRun());
    expect(refusal(tagged.subarray(0, tagged.length - 20))).toBe("The PNG file is truncated");
    const corrupt = tagged.slice();
    const at = Buffer.from(corrupt).indexOf("Make it snow");
    corrupt[at] = 0x4e;
    expect(refusal(corrupt)).toBe("The PNG file is corrupt (bad iTXt chunk)");
  });

  it("refuses settings that are not JSON, not ours, from a newer version or invalid", async () => {
    const plain = await png();
    const withText = (text: string) => embedPngText(plain, text);
    expect(refusal(withText("{oops"))).toBe(
      "The Kontext Playground settings in this PNG are corrupt (not valid JSON)",
    );
    expect(refusal(withText('{"prompt":"x"}'))).toBe(
      "This JSON is not a Kontext Playground run (no 'format' field)",
    );
    const doc = JSON.parse(readPngText(embedRecipe(plain, sampleRun())) ?? "");
    expect(refusal(withText(JSON.stringify({ ...doc, version: HISTORY_VERSION + 1 })))).toMatch(
      /^This run was written by a newer version of Kontext Playground/,
    );
    doc.run.request.num_inference_steps = 1000;
    expect(refusal(withText(JSON.stringify(doc)))).toMatch(
      /^Invalid request field 'num_inference_steps': num_inference_steps must be at most/,
    );
  });
});
