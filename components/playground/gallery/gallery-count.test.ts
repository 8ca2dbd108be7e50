import { describe, expect, it } from "vitest";
import { countGalleryItems } from "@/lib/store/gallery";
import { galleryCountText } from "./gallery-count";

const counts = (runs: number, sweeps = 0, batches = 0) => ({ runs, sweeps, batches });

describe("galleryCountText", () => {
  it("names only runs when the history holds nothing else", () => {
    expect(galleryCountText(counts(0), counts(0), false)).toBe("0 runs");
    expect(galleryCountText(counts(1), counts(1), false)).toBe("1 run");
    expect(galleryCountText(counts(1234), counts(1234), false)).toBe("1,234 runs");
  });

  it("counts sweeps and batches as what they are, not as runs", () => {
    expect(galleryCountText(counts(3, 1, 2), counts(3, 1, 2), false)).toBe(
      "3 runs · 1 sweep · 2 batches",
    );
    expect(galleryCountText(counts(0, 0, 1), counts(0, 0, 1), false)).toBe("0 runs · 1 batch");
  });

  it("says how many of each kind a filter shows", () => {
    expect(galleryCountText(counts(2), counts(3), true)).toBe("2 of 3 runs");
    expect(galleryCountText(counts(1, 0, 1), counts(40, 2, 1), true)).toBe(
      "1 of 40 runs · 0 of 2 sweeps · 1 of 1 batch",
    );
  });
});

describe("countGalleryItems", () => {
  it("tells runs, sweeps and batches apart by their item ids", () => {
    expect(countGalleryItems(["r1", "sweep:s1", "batch:b1", "r2", "sweep:s2"])).toEqual(
      counts(2, 2, 1),
    );
    expect(countGalleryItems([])).toEqual(counts(0));
  });
});
