import { describe, expect, it } from "vitest";
import type { ViewerItem } from "@/components/playground/runs/result-format";
import { cellTitle } from "@/lib/sweep/cell-title";
import { scopedItems, viewerTitle } from "./viewer-format";

const item = (key: string, runNumber: number): ViewerItem => ({
  key,
  runId: key,
  runNumber,
  index: 0,
  image: { url: `https://x/${key}.png`, width: 8, height: 8, content_type: "image/png" },
  seed: 1,
  prompt: "p",
});

describe("the viewer within a sweep", () => {
  const all = [item("a", 4), item("b", 3), item("c", 2), item("d", 1)];

  it("moves through the whole gallery without a scope", () => {
    expect(scopedItems(all, null).map((entry) => entry.key)).toEqual(["a", "b", "c", "d"]);
    expect(viewerTitle(all[1] as ViewerItem, null)).toBe("Result 1 of run 3");
  });

  it("moves only through the scope's images, in its order, skipping those not shown", () => {
    const scope = { keys: ["d", "missing", "b"], titles: { d: "Van Gogh ×0.5", b: "Van Gogh ×1" } };
    const items = scopedItems(all, scope);
    expect(items.map((entry) => entry.key)).toEqual(["d", "b"]);
    expect(viewerTitle(items[0] as ViewerItem, scope)).toBe("Van Gogh ×0.5");
  });

  it("names a cell by its labels", () => {
    expect(cellTitle("Van Gogh", "×0.5")).toBe("Van Gogh ×0.5");
    expect(cellTitle("×1", "")).toBe("×1");
    expect(cellTitle("snow", "2")).toBe("snow · 2");
  });
});
