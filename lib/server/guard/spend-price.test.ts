import { describe, expect, it } from "vitest";
import { parseKontextInput } from "@/lib/kontext/schema";
import { predictSpend, resultMills } from "./spend-price";

const request = (input: object) => {
  const parsed = parseKontextInput({
    image_url: "https://example.com/a.png",
    prompt: "x",
    ...input,
  });
  if (!parsed.ok) throw new Error("bad input");
  return parsed.value;
};

describe("spend prediction", () => {
  it("reserves the worst case (2 billed MP per image) where the size depends on the input", () => {
    expect(predictSpend(request({}))).toEqual({ reservedMills: 70, isWorstCase: true });
    expect(predictSpend(request({ resolution_mode: "auto", num_images: 4 }))).toEqual({
      reservedMills: 280,
      isWorstCase: true,
    });
  });

  it("prices fixed aspect ratios exactly", () => {
    expect(predictSpend(request({ resolution_mode: "1:1" }))).toEqual({
      reservedMills: 35,
      isWorstCase: false,
    });
    expect(predictSpend(request({ resolution_mode: "16:9", num_images: 2 })).reservedMills).toBe(
      70,
    );
  });

  it("prices a result from its images' real sizes", () => {
    const image = (width: number, height: number) => ({ url: "u", width, height });
    expect(resultMills({ images: [image(1024, 1024)] })).toBe(35);
    expect(resultMills({ images: [image(1568, 672), image(512, 512)] })).toBe(105);
    expect(resultMills({ images: [{ url: "u" }] })).toBeNull();
    expect(resultMills({ detail: "nope" })).toBeNull();
  });
});
