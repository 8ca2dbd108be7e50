/**
 * The zoom and pan shared by every pane of the compare view, and the slider's position.
 *
 * A view is resolution-free: `x` and `y` are the offset of the image's centre from the box's
 * centre as a fraction of the box (0.25 = a quarter of the box's width to the right), so the
 * same view means the same thing in a full-width stage and in each half of a side-by-side
 * layout, and survives the box being resized. It maps to the CSS transform
 * `translate(x·100%, y·100%) scale(zoom)` with the transform origin at the centre.
 */

/** Zoom and pan. `zoom` 1 fits the image in its box; `x`, `y` are fractions of the box. */
export interface View {
  zoom: number;
  x: number;
  y: number;
}

/** A box in CSS pixels. */
export interface Box {
  width: number;
  height: number;
}

/** A point in CSS pixels from the box's top-left corner. */
export interface Point {
  x: number;
  y: number;
}

/** The smallest zoom: the whole image fits its box. */
export const MIN_ZOOM = 1;
/** The largest zoom: 8× the fitted size. */
export const MAX_ZOOM = 8;
/** How much one press of a zoom key or button zooms in (or, divided, out). */
export const ZOOM_STEP = 1.25;
/** How far one arrow key press pans: a tenth of the box. */
export const PAN_STEP = 0.1;

/** The view that fits the whole image in its box, unpanned. */
export function fit(): View {
  return { zoom: MIN_ZOOM, x: 0, y: 0 };
}

/** Whether a view is the fitted one. */
export function isFit(view: View): boolean {
  return view.zoom === MIN_ZOOM && view.x === 0 && view.y === 0;
}

/** `zoom` kept within 1–8 (a non-finite zoom fits). */
export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return MIN_ZOOM;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/**
 * A view whose zoom is within 1–8 and whose pan keeps the box covered by the image: the image
 * may move by at most (zoom − 1) / 2 of the box either way, so at zoom 1 it cannot move at all.
 */
export function clampView(view: View): View {
  const zoom = clampZoom(view.zoom);
  const limit = (zoom - 1) / 2;
  return { zoom, x: clampOffset(view.x, limit), y: clampOffset(view.y, limit) };
}

/**
 * Zooms by `factor` (> 1 in, < 1 out) keeping the image point under `point` where it is, as a
 * mouse wheel or pinch should; the result is clamped, so near the edges or at the zoom limits
 * the point may move. `box` is the size of the pane `point` is in.
 */
export function zoomAt(view: View, factor: number, point: Point, box: Box): View {
  if (box.width <= 0 || box.height <= 0) return zoomBy(view, factor);
  const zoom = clampZoom(view.zoom * factor);
  const ratio = zoom / view.zoom;
  // The point as a fraction of the box from its centre; the image point under it stays put.
  const sx = point.x / box.width - 0.5;
  const sy = point.y / box.height - 0.5;
  return clampView({ zoom, x: sx - ratio * (sx - view.x), y: sy - ratio * (sy - view.y) });
}

/** Zooms by `factor` about the centre of the box (buttons and keys). */
export function zoomBy(view: View, factor: number): View {
  const zoom = clampZoom(view.zoom * factor);
  const ratio = zoom / view.zoom;
  return clampView({ zoom, x: view.x * ratio, y: view.y * ratio });
}

/** One step in (`ZOOM_STEP`), about the centre. */
export function zoomIn(view: View): View {
  return zoomBy(view, ZOOM_STEP);
}

/** One step out (`1 / ZOOM_STEP`), about the centre. */
export function zoomOut(view: View): View {
  return zoomBy(view, 1 / ZOOM_STEP);
}

/**
 * Moves the image by `dx`, `dy` CSS pixels of a pane of size `box` (a drag), clamped so the
 * image never leaves the box; at zoom 1 nothing moves.
 */
export function pan(view: View, dx: number, dy: number, box: Box): View {
  if (box.width <= 0 || box.height <= 0) return clampView(view);
  return clampView({ ...view, x: view.x + dx / box.width, y: view.y + dy / box.height });
}

export type PanDirection = "left" | "right" | "up" | "down";

/**
 * One arrow key press: looks `PAN_STEP` of the box further that way (pressing right shows
 * more of the right side, so the image moves left), clamped.
 */
export function panStep(view: View, direction: PanDirection): View {
  const dx = direction === "left" ? PAN_STEP : direction === "right" ? -PAN_STEP : 0;
  const dy = direction === "up" ? PAN_STEP : direction === "down" ? -PAN_STEP : 0;
  return clampView({ ...view, x: view.x + dx, y: view.y + dy });
}

/**
 * The view after a key press on the compare stage: `+` (or `=`) zooms in, `-` (or `_`) zooms
 * out, `0` fits, the arrow keys pan a step; null for any other key (let it through).
 */
export function viewForKey(view: View, key: string): View | null {
  switch (key) {
    case "+":
    case "=":
      return zoomIn(view);
    case "-":
    case "_":
      return zoomOut(view);
    case "0":
      return fit();
    case "ArrowLeft":
      return panStep(view, "left");
    case "ArrowRight":
      return panStep(view, "right");
    case "ArrowUp":
      return panStep(view, "up");
    case "ArrowDown":
      return panStep(view, "down");
    default:
      return null;
  }
}

/** `100%`, `125%`, `800%`: the zoom as a whole percentage. */
export function formatZoom(zoom: number): string {
  return `${Math.round(clampZoom(zoom) * 100)}%`;
}

/** The CSS transform for a view (with `transform-origin: center`). */
export function viewTransform(view: View): string {
  return `translate(${round(view.x * 100)}%, ${round(view.y * 100)}%) scale(${round(view.zoom)})`;
}

/** The slider's default position: the divider in the middle. */
export const DEFAULT_POSITION = 50;

/** A slider position kept within 0–100 (percent of the stage's width; non-finite: the middle). */
export function clampPosition(position: number): number {
  if (!Number.isFinite(position)) return DEFAULT_POSITION;
  return Math.min(100, Math.max(0, position));
}

/**
 * The slider position under a pointer at `clientX`, for a stage whose left edge is at `left`
 * and which is `width` wide (all CSS pixels), rounded to a tenth of a percent.
 */
export function positionAt(clientX: number, left: number, width: number): number {
  if (width <= 0) return DEFAULT_POSITION;
  return clampPosition(Math.round(((clientX - left) / width) * 1000) / 10);
}

/**
 * The largest box of `content`'s aspect ratio that fits in `space` (both CSS pixels); zero when
 * either is empty.
 */
export function containSize(content: Box, space: Box): Box {
  if (content.width <= 0 || content.height <= 0 || space.width <= 0 || space.height <= 0) {
    return { width: 0, height: 0 };
  }
  const scale = Math.min(space.width / content.width, space.height / content.height);
  return { width: content.width * scale, height: content.height * scale };
}

/** How two panes share a space: beside each other (`row`) or one above the other (`column`). */
export interface SplitLayout {
  direction: "row" | "column";
  /** The size of each pane. */
  pane: Box;
}

/**
 * Lays out two equal panes of `content`'s aspect ratio in `space`, `gap` pixels apart: side by
 * side or stacked, whichever shows the images larger (side by side on a tie).
 */
export function splitLayout(content: Box, space: Box, gap: number): SplitLayout {
  const row = containSize(content, {
    width: Math.max(0, (space.width - gap) / 2),
    height: space.height,
  });
  const column = containSize(content, {
    width: space.width,
    height: Math.max(0, (space.height - gap) / 2),
  });
  return column.width > row.width
    ? { direction: "column", pane: column }
    : { direction: "row", pane: row };
}

function clampOffset(value: number, limit: number): number {
  if (!Number.isFinite(value)) return 0;
  // `+ 0` turns -0 into 0, so a clamped view compares equal to the fitted one.
  return Math.min(limit, Math.max(-limit, value)) + 0;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
