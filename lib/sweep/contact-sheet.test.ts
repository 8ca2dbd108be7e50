import { describe, expect, it } from "vitest";
import {
  CELL_WIDTH,
  contactSheetLayout,
  fitInside,
  GAP,
  PADDING,
  sheetImageSize,
} from "./contact-sheet";

describe("contactSheetLayout", () => {
  it("lays a 1×4 sweep out in one row without row labels", () => {
    const layout = contactSheetLayout({
      columns: 4,
      rows: 1,
      imageSize: { width: 320, height: 240 },
      hasRowLabels: false,
    });
    // 24 + 4 × 384 + 3 × 8 + 24 wide; 24 + 64 + 40 + 8 (grid top 136) + 288 + 24 tall.
    expect([layout.width, layout.height]).toEqual([1608, 448]);
    expect(layout.rowLabels).toEqual([]);
    expect(layout.cells[0]?.map((cell) => cell.x)).toEqual([24, 416, 808, 1200]);
    expect(layout.cells[0]?.[0]).toEqual({ x: 24, y: 136, width: 384, height: 288 });
    expect(layout.columnLabels[3]).toEqual({ x: 1200, y: 88, width: 384, height: 40 });
  });

  it("adds a label column for the rows of a two-axis sweep", () => {
    const layout = contactSheetLayout({
      columns: 2,
      rows: 2,
      imageSize: { width: 1024, height: 1024 },
      hasRowLabels: true,
    });
    expect([layout.width, layout.height]).toEqual([
      24 + 208 + 2 * 384 + 8 + 24,
      136 + 2 * 384 + 8 + 24,
    ]);
    expect(layout.rowLabels.map((box) => box.y)).toEqual([136, 528]);
    expect(layout.cells[1]?.[1]).toEqual({ x: 24 + 208 + 392, y: 528, width: 384, height: 384 });
  });

  it("caps very tall cells and keeps every cell inside the sheet", () => {
    const layout = contactSheetLayout({
      columns: 3,
      rows: 3,
      imageSize: { width: 400, height: 4000 },
      hasRowLabels: true,
    });
    for (const cell of layout.cells.flat()) {
      expect(cell.height).toBe(768);
      expect(cell.x + cell.width).toBeLessThanOrEqual(layout.width - PADDING);
      expect(cell.y + cell.height).toBeLessThanOrEqual(layout.height - PADDING);
    }
    expect(layout.cells[0]?.[1]?.x).toBe((layout.cells[0]?.[0]?.x ?? 0) + CELL_WIDTH + GAP);
  });

  it("refuses an empty grid or an image without pixels", () => {
    expect(() =>
      contactSheetLayout({
        columns: 0,
        rows: 1,
        imageSize: { width: 1, height: 1 },
        hasRowLabels: false,
      }),
    ).toThrow(RangeError);
    expect(() =>
      contactSheetLayout({
        columns: 1,
        rows: 1,
        imageSize: { width: 0, height: 1 },
        hasRowLabels: false,
      }),
    ).toThrow(RangeError);
  });
});

describe("fitInside", () => {
  it("fits and centres an image, never cropping it", () => {
    expect(
      fitInside({ width: 200, height: 100 }, { x: 10, y: 10, width: 100, height: 100 }),
    ).toEqual({
      x: 10,
      y: 35,
      width: 100,
      height: 50,
    });
  });
});

describe("sheetImageSize", () => {
  it("lays a sheet of mixed sizes out for the tallest image, so every one fits", () => {
    expect(
      sheetImageSize([
        { width: 1024, height: 768 },
        { width: 768, height: 1024 },
        { width: 1024, height: 1024 },
      ]),
    ).toEqual({ width: 768, height: 1024 });
  });

  it("refuses no sizes", () => {
    expect(() => sheetImageSize([])).toThrow(RangeError);
  });
});
