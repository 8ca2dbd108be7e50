import { describe, expect, it } from "vitest";
import { estimateBatch, estimateItem } from "./cost";

const matchInput = { resolution_mode: "match_input", num_images: 1 } as const;

describe("estimateItem", () => {
  it("predicts each image's output from its own size, as a single run does", () => {
    // 4000×3000 → scaled to 2 MP: 1664×1248, 2 billed MP → $0.07.
    expect(estimateItem({ width: 4000, height: 3000 }, matchInput)).toEqual({
      size: { width: 1664, height: 1248 },
      price: { megapixelsPerImage: 2, megapixels: 2, usd: 0.07 },
    });
    // 800×600 stays itself (multiples of 16): 1 MP → $0.035.
    expect(estimateItem({ width: 800, height: 600 }, matchInput)?.price.usd).toBe(0.035);
  });

  it("uses the preferred Kontext size in auto mode and multiplies by num_images", () => {
    const cost = estimateItem(
      { width: 3000, height: 1000 },
      { resolution_mode: "auto", num_images: 3 },
    );
    expect(cost?.size).toEqual({ width: 1568, height: 672 });
    expect(cost?.price).toEqual({ megapixelsPerImage: 2, megapixels: 6, usd: 0.21 });
  });

  it("knows a fixed ratio's cost without the input's size, and nothing else without it", () => {
    expect(estimateItem(null, { resolution_mode: "16:9", num_images: 1 })?.size).toEqual({
      width: 1360,
      height: 768,
    });
    expect(estimateItem(null, matchInput)).toBeNull();
    expect(estimateItem({ width: 0, height: 10 }, matchInput)).toBeNull();
  });
});

describe("estimateBatch", () => {
  it("adds up the images' prices exactly and counts the unknown ones apart", () => {
    const cost = estimateBatch(
      [
        { width: 4000, height: 3000 },
        { width: 800, height: 600 },
        null,
        { width: 512, height: 512 },
      ],
      matchInput,
    );
    expect(cost.items.map((item) => item?.price.usd ?? null)).toEqual([0.07, 0.035, null, 0.035]);
    expect(cost).toMatchObject({ requests: 3, images: 3, megapixels: 4, usd: 0.14, unknown: 1 });
  });

  it("carries no floating-point noise over many images", () => {
    const cost = estimateBatch(
      Array.from({ length: 300 }, () => ({ width: 1024, height: 1024 })),
      matchInput,
    );
    expect(cost.usd).toBe(10.5);
  });

  it("says when the total is above the budget, and only then", () => {
    const sizes = Array.from({ length: 100 }, () => ({ width: 1024, height: 1024 }));
    expect(estimateBatch(sizes, matchInput, 3.5).isOverBudget).toBe(false);
    expect(estimateBatch(sizes, matchInput, 3.49).isOverBudget).toBe(true);
    expect(estimateBatch(sizes, matchInput, null).isOverBudget).toBe(false);
    // The default budget is $5: 200 × $0.035 = $7 is above it.
    expect(estimateBatch([...sizes, ...sizes], matchInput).isOverBudget).toBe(true);
  });
});
