import { describe, expect, it } from "vitest";
import { estimatePrice } from "@/lib/kontext/pricing";
import { describeRunEstimate } from "./run-estimate-format";

describe("describeRunEstimate", () => {
  it("shows size, count and price", () => {
    const size = { width: 1392, height: 752 };
    expect(describeRunEstimate(size, 2, estimatePrice(size, 2))).toBe(
      "Output 1392×752 · 2 images · ≈ $0.07",
    );
    expect(describeRunEstimate(size, 1, estimatePrice(size, 1))).toBe(
      "Output 1392×752 · 1 image · ≈ $0.035",
    );
  });

  it("is null while the size is unknown and leaves out a missing price", () => {
    expect(describeRunEstimate(null, 1, null)).toBeNull();
    expect(describeRunEstimate({ width: 64, height: 64 }, 1, null)).toBe("Output 64×64 · 1 image");
  });
});
