import { describe, expect, it } from "vitest";
import { RESOLUTION_MODES } from "./endpoint";
import {
  aspectRatioSize,
  autoSize,
  MATCH_INPUT_MAX_AREA,
  matchInputSize,
  outputSize,
  PREFERRED_KONTEXT_RESOLUTIONS,
} from "./resolution";

describe("preferred Kontext resolutions", () => {
  it("lists the 17 trained sizes, all multiples of 16 and about one megapixel", () => {
    expect(PREFERRED_KONTEXT_RESOLUTIONS).toHaveLength(17);
    for (const { width, height } of PREFERRED_KONTEXT_RESOLUTIONS) {
      expect(width % 16).toBe(0);
      expect(height % 16).toBe(0);
      expect(width * height).toBeGreaterThan(1_030_000);
      expect(width * height).toBeLessThan(1_065_000);
    }
  });
});

describe("auto", () => {
  it.each([
    [
      [1920, 1080],
      [1392, 752],
    ],
    [
      [4032, 3024],
      [1184, 880],
    ],
    [
      [1080, 1350],
      [944, 1104],
    ],
    [
      [1500, 1000],
      [1248, 832],
    ],
    [
      [2560, 1080],
      [1568, 672],
    ],
    [
      [512, 512],
      [1024, 1024],
    ],
    [
      [1000, 3000],
      [672, 1568],
    ],
    [
      [10000, 100],
      [1568, 672],
    ],
  ])("maps %j to the preferred size with the closest ratio %j", ([w, h], [ew, eh]) => {
    expect(autoSize({ width: w as number, height: h as number })).toEqual({
      width: ew,
      height: eh,
    });
  });

  it("returns each preferred size for an input of exactly that size", () => {
    for (const size of PREFERRED_KONTEXT_RESOLUTIONS) {
      expect(autoSize(size)).toEqual(size);
    }
  });

  it("switches sizes at the midpoints between neighbouring ratios", () => {
    // The boundary between 1024×1024 (1.0) and 1104×944 (1.1695) is 1.0847.
    expect(autoSize({ width: 1084, height: 1000 })).toEqual({ width: 1024, height: 1024 });
    expect(autoSize({ width: 1085, height: 1000 })).toEqual({ width: 1104, height: 944 });
    // …and between 1328×800 (1.66) and 1392×752 (1.8511) it is 1.7555.
    expect(autoSize({ width: 1755, height: 1000 })).toEqual({ width: 1328, height: 800 });
    expect(autoSize({ width: 1756, height: 1000 })).toEqual({ width: 1392, height: 752 });
  });

  it("refuses sizes that are not positive", () => {
    expect(() => autoSize({ width: 0, height: 10 })).toThrow(RangeError);
  });
});

describe("fixed aspect ratios", () => {
  it.each([
    ["1:1", 1024, 1024],
    ["16:9", 1360, 768],
    ["21:9", 1552, 656],
    ["3:2", 1248, 832],
    ["2:3", 832, 1248],
    ["4:5", 912, 1136],
    ["5:4", 1136, 912],
    ["3:4", 880, 1168],
    ["4:3", 1168, 880],
    ["9:16", 768, 1360],
    ["9:21", 656, 1552],
  ] as const)("%s gives %d×%d whatever the input", (mode, width, height) => {
    expect(aspectRatioSize(mode)).toEqual({ width, height });
    expect(outputSize(mode, { width: 333, height: 4000 })).toEqual({ width, height });
  });
});

describe("match_input", () => {
  it("floors each side to a multiple of 16", () => {
    expect(matchInputSize({ width: 1023, height: 777 })).toEqual({ width: 1008, height: 768 });
    expect(matchInputSize({ width: 800, height: 600 })).toEqual({ width: 800, height: 592 });
    expect(matchInputSize({ width: 800, height: 608 })).toEqual({ width: 800, height: 608 });
  });

  it("scales inputs above 2 MP down to the cap, keeping the ratio", () => {
    const size = matchInputSize({ width: 4032, height: 3024 });
    expect(size).toEqual({ width: 1664, height: 1248 });
    expect(size.width * size.height).toBeLessThanOrEqual(MATCH_INPUT_MAX_AREA);
    const wide = matchInputSize({ width: 14142, height: 14142 });
    expect(wide).toEqual({ width: 1440, height: 1440 });
  });

  it("keeps 1920×1080 below the cap as 1920×1072", () => {
    expect(matchInputSize({ width: 1920, height: 1080 })).toEqual({ width: 1920, height: 1072 });
  });

  it("never goes below 64 px a side", () => {
    expect(matchInputSize({ width: 20, height: 20 })).toEqual({ width: 64, height: 64 });
    expect(matchInputSize({ width: 4000, height: 30 })).toEqual({ width: 4000, height: 64 });
  });
});

describe("outputSize", () => {
  it("answers for all 13 modes with multiples of 16", () => {
    expect(RESOLUTION_MODES).toHaveLength(13);
    for (const mode of RESOLUTION_MODES) {
      const size = outputSize(mode, { width: 1200, height: 900 });
      expect(size.width % 16, mode).toBe(0);
      expect(size.height % 16, mode).toBe(0);
    }
  });

  it("dispatches auto and match_input on the input size", () => {
    expect(outputSize("auto", { width: 1920, height: 1080 })).toEqual({ width: 1392, height: 752 });
    expect(outputSize("match_input", { width: 1920, height: 1080 })).toEqual({
      width: 1920,
      height: 1072,
    });
  });
});
