import { describe, expect, it } from "vitest";
import { billedMegapixels, estimatePrice, formatUsd } from "./pricing";
import { PREFERRED_KONTEXT_RESOLUTIONS } from "./resolution";

describe("billed megapixels", () => {
  it("counts a megapixel as 1024² pixels and rounds up per image", () => {
    expect(billedMegapixels({ width: 1024, height: 1024 })).toBe(1);
    expect(billedMegapixels({ width: 1024, height: 1025 })).toBe(2);
    expect(billedMegapixels({ width: 1920, height: 1080 })).toBe(2);
    expect(billedMegapixels({ width: 512, height: 512 })).toBe(1);
    expect(billedMegapixels({ width: 1664, height: 1248 })).toBe(2);
  });

  it("bills every preferred Kontext size as 1 MP except the four just over 1024²", () => {
    const twoMp = PREFERRED_KONTEXT_RESOLUTIONS.filter((s) => billedMegapixels(s) === 2).map(
      (s) => `${s.width}x${s.height}`,
    );
    expect(twoMp.sort()).toEqual(["1328x800", "1568x672", "672x1568", "800x1328"]);
  });
});

describe("estimatePrice", () => {
  it("charges $0.035 per billed megapixel times num_images", () => {
    expect(estimatePrice({ width: 1024, height: 1024 }, 1).usd).toBe(0.035);
    expect(estimatePrice({ width: 1024, height: 1024 }, 4).usd).toBe(0.14);
    expect(estimatePrice({ width: 1568, height: 672 }, 1).usd).toBe(0.07);
    expect(estimatePrice({ width: 1568, height: 672 }, 3)).toEqual({
      megapixelsPerImage: 2,
      megapixels: 6,
      usd: 0.21,
    });
  });

  it("defaults to one image and refuses a non-positive count", () => {
    expect(estimatePrice({ width: 1024, height: 1024 }).usd).toBe(0.035);
    expect(() => estimatePrice({ width: 1024, height: 1024 }, 0)).toThrow(RangeError);
  });
});

describe("formatUsd", () => {
  it("shows tenths of a cent only when there are some", () => {
    expect(formatUsd(0.035)).toBe("$0.035");
    expect(formatUsd(0.14)).toBe("$0.14");
    expect(formatUsd(0.07)).toBe("$0.07");
    expect(formatUsd(1.4)).toBe("$1.40");
  });
});
