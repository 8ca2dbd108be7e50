import { describe, expect, it } from "vitest";
import {
  clampPosition,
  clampView,
  containSize,
  fit,
  formatZoom,
  isFit,
  MAX_ZOOM,
  MIN_ZOOM,
  pan,
  panStep,
  positionAt,
  splitLayout,
  type View,
  viewForKey,
  viewTransform,
  zoomAt,
  zoomBy,
  zoomIn,
  zoomOut,
} from "./view";

const BOX = { width: 800, height: 600 };

/** Where an image point (fractions of the box from its centre) is drawn, in box pixels. */
function screenOf(view: View, image: { x: number; y: number }) {
  return {
    x: (0.5 + view.x + view.zoom * image.x) * BOX.width,
    y: (0.5 + view.y + view.zoom * image.y) * BOX.height,
  };
}

/** The image point (fractions of the box from its centre) under a box pixel. */
function imageAt(view: View, point: { x: number; y: number }) {
  return {
    x: (point.x / BOX.width - 0.5 - view.x) / view.zoom,
    y: (point.y / BOX.height - 0.5 - view.y) / view.zoom,
  };
}

describe("fit", () => {
  it("shows the whole image, unpanned", () => {
    expect(fit()).toEqual({ zoom: 1, x: 0, y: 0 });
    expect(isFit(fit())).toBe(true);
    expect(isFit({ zoom: 2, x: 0, y: 0 })).toBe(false);
  });
});

describe("zoomAt", () => {
  it("keeps the image point under the cursor where it is", () => {
    const start: View = { zoom: 2, x: 0.1, y: -0.2 };
    const cursor = { x: 600, y: 150 };
    const under = imageAt(start, cursor);
    const zoomed = zoomAt(start, 1.5, cursor, BOX);
    expect(zoomed.zoom).toBe(3);
    const after = screenOf(zoomed, under);
    expect(after.x).toBeCloseTo(cursor.x, 6);
    expect(after.y).toBeCloseTo(cursor.y, 6);
  });

  it("keeps the point fixed when zooming out too, while it can", () => {
    const start: View = { zoom: 4, x: 0.5, y: 0.5 };
    const cursor = { x: 300, y: 200 };
    const under = imageAt(start, cursor);
    const zoomed = zoomAt(start, 0.8, cursor, BOX);
    const after = screenOf(zoomed, under);
    expect(after.x).toBeCloseTo(cursor.x, 6);
    expect(after.y).toBeCloseTo(cursor.y, 6);
  });

  it("zooms in from the fitted view towards the cursor", () => {
    const zoomed = zoomAt(fit(), 2, { x: 800, y: 600 }, BOX);
    // Zooming at the bottom-right corner keeps that corner in place.
    expect(zoomed).toEqual({ zoom: 2, x: -0.5, y: -0.5 });
  });

  it("stops at the largest zoom", () => {
    const zoomed = zoomAt({ zoom: 7, x: 0, y: 0 }, 2, { x: 400, y: 300 }, BOX);
    expect(zoomed.zoom).toBe(MAX_ZOOM);
  });

  it("stops at the fitted zoom and recentres there", () => {
    const zoomed = zoomAt({ zoom: 1.2, x: 0.1, y: -0.1 }, 0.5, { x: 10, y: 10 }, BOX);
    expect(zoomed).toEqual(fit());
  });

  it("zooms about the centre when the box has no size yet", () => {
    expect(zoomAt(fit(), 2, { x: 0, y: 0 }, { width: 0, height: 0 })).toEqual({
      zoom: 2,
      x: 0,
      y: 0,
    });
  });
});

describe("zoomBy, zoomIn and zoomOut", () => {
  it("zoom by a quarter per step about the centre", () => {
    expect(zoomIn(fit())).toEqual({ zoom: 1.25, x: 0, y: 0 });
    expect(zoomOut({ zoom: 2.5, x: 0, y: 0 }).zoom).toBeCloseTo(2);
  });

  it("keep what is at the centre of the box at the centre", () => {
    const start: View = { zoom: 2, x: 0.2, y: -0.1 };
    const centre = { x: BOX.width / 2, y: BOX.height / 2 };
    const under = imageAt(start, centre);
    const after = screenOf(zoomIn(start), under);
    expect(after.x).toBeCloseTo(centre.x, 6);
    expect(after.y).toBeCloseTo(centre.y, 6);
  });

  it("never go below the fitted zoom or above the largest", () => {
    expect(zoomOut(fit())).toEqual(fit());
    expect(zoomBy(fit(), 100).zoom).toBe(MAX_ZOOM);
    expect(zoomBy(fit(), 0).zoom).toBe(MIN_ZOOM);
  });
});

describe("pan", () => {
  it("does nothing at the fitted zoom", () => {
    expect(pan(fit(), 120, -80, BOX)).toEqual(fit());
  });

  it("moves the image by the dragged distance as a fraction of the box", () => {
    expect(pan({ zoom: 3, x: 0, y: 0 }, 80, -60, BOX)).toEqual({ zoom: 3, x: 0.1, y: -0.1 });
  });

  it("stops where the image's edge meets the box's edge", () => {
    // At zoom 2 the image is twice the box: it can move half a box either way.
    expect(pan({ zoom: 2, x: 0, y: 0 }, 10_000, -10_000, BOX)).toEqual({
      zoom: 2,
      x: 0.5,
      y: -0.5,
    });
  });
});

describe("panStep", () => {
  it("looks a tenth of the box further in the arrow's direction", () => {
    const view: View = { zoom: 2, x: 0, y: 0 };
    expect(panStep(view, "right")).toEqual({ zoom: 2, x: -0.1, y: 0 });
    expect(panStep(view, "left")).toEqual({ zoom: 2, x: 0.1, y: 0 });
    expect(panStep(view, "down")).toEqual({ zoom: 2, x: 0, y: -0.1 });
    expect(panStep(view, "up")).toEqual({ zoom: 2, x: 0, y: 0.1 });
  });

  it("is a no-op at the fitted zoom and at the edge", () => {
    expect(panStep(fit(), "left")).toEqual(fit());
    expect(panStep({ zoom: 2, x: 0.5, y: 0 }, "left")).toEqual({ zoom: 2, x: 0.5, y: 0 });
  });
});

describe("viewForKey", () => {
  it("zooms with plus and minus, fits with 0 and pans with the arrows", () => {
    const view: View = { zoom: 2, x: 0, y: 0 };
    expect(viewForKey(view, "+")).toEqual(zoomIn(view));
    expect(viewForKey(view, "=")).toEqual(zoomIn(view));
    expect(viewForKey(view, "-")).toEqual(zoomOut(view));
    expect(viewForKey(view, "0")).toEqual(fit());
    expect(viewForKey(view, "ArrowRight")).toEqual({ zoom: 2, x: -0.1, y: 0 });
    expect(viewForKey(view, "ArrowUp")).toEqual({ zoom: 2, x: 0, y: 0.1 });
  });

  it("leaves every other key alone", () => {
    expect(viewForKey(fit(), "Escape")).toBeNull();
    expect(viewForKey(fit(), "Tab")).toBeNull();
    expect(viewForKey(fit(), "a")).toBeNull();
  });
});

describe("clampView", () => {
  it("pulls an out-of-range view back into range", () => {
    expect(clampView({ zoom: 20, x: 9, y: -9 })).toEqual({ zoom: 8, x: 3.5, y: -3.5 });
    expect(clampView({ zoom: 0.5, x: 0.3, y: 0.3 })).toEqual(fit());
    expect(clampView({ zoom: Number.NaN, x: Number.NaN, y: 0 })).toEqual(fit());
  });
});

describe("clampPosition", () => {
  it("keeps the slider within 0–100 and puts a non-number in the middle", () => {
    expect(clampPosition(-5)).toBe(0);
    expect(clampPosition(42.5)).toBe(42.5);
    expect(clampPosition(140)).toBe(100);
    expect(clampPosition(Number.NaN)).toBe(50);
  });
});

describe("positionAt", () => {
  it("turns a pointer's x into a percentage of the stage, clamped", () => {
    expect(positionAt(150, 100, 400)).toBe(12.5);
    expect(positionAt(50, 100, 400)).toBe(0);
    expect(positionAt(900, 100, 400)).toBe(100);
    expect(positionAt(150, 100, 0)).toBe(50);
  });
});

describe("formatZoom and viewTransform", () => {
  it("show the zoom as a whole percentage", () => {
    expect(formatZoom(1)).toBe("100%");
    expect(formatZoom(1.5625)).toBe("156%");
    expect(formatZoom(8)).toBe("800%");
  });

  it("write the view as a CSS transform in percentages of the box", () => {
    expect(viewTransform({ zoom: 2, x: 0.25, y: -0.1 })).toBe("translate(25%, -10%) scale(2)");
  });
});

describe("containSize", () => {
  it("fits the content's aspect ratio into the space", () => {
    expect(containSize({ width: 1600, height: 900 }, { width: 800, height: 800 })).toEqual({
      width: 800,
      height: 450,
    });
    expect(containSize({ width: 600, height: 900 }, { width: 800, height: 300 })).toEqual({
      width: 200,
      height: 300,
    });
  });

  it("is empty when there is nothing to fit or no room", () => {
    expect(containSize({ width: 0, height: 10 }, BOX)).toEqual({ width: 0, height: 0 });
    expect(containSize(BOX, { width: 0, height: 0 })).toEqual({ width: 0, height: 0 });
  });
});

describe("splitLayout", () => {
  it("puts wide images one above the other in a tall space", () => {
    const layout = splitLayout({ width: 1600, height: 900 }, { width: 360, height: 600 }, 8);
    expect(layout.direction).toBe("column");
    expect(layout.pane.width).toBe(360);
  });

  it("puts tall images side by side in a wide space", () => {
    const layout = splitLayout({ width: 600, height: 900 }, { width: 1200, height: 700 }, 8);
    expect(layout.direction).toBe("row");
    expect(layout.pane.height).toBe(700);
  });
});
