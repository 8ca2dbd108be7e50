/**
 * The layout of a sweep's contact sheet: one PNG with a title, the column labels across the top,
 * the row labels down the left and every cell's first image in its place. Pure: the browser draws
 * it (see `lib/browser/contact-sheet-canvas.ts`), tests check the arithmetic.
 */

/** A rectangle in sheet pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ContactSheetLayout {
  width: number;
  height: number;
  title: Box;
  /** One per column, above it. */
  columnLabels: Box[];
  /** One per row, left of it; empty when the sweep has one axis. */
  rowLabels: Box[];
  /** `cells[row][column]`: where each image goes (fitted inside, never cropped). */
  cells: Box[][];
}

/** Width of every cell's image box, in pixels. */
export const CELL_WIDTH = 384;
/** Cells are never taller than this (very tall images are fitted inside). */
export const MAX_CELL_HEIGHT = 768;
export const PADDING = 24;
export const GAP = 8;
export const TITLE_HEIGHT = 64;
export const LABEL_HEIGHT = 40;
export const ROW_LABEL_WIDTH = 200;

/**
 * Lays out a sheet of `columns` × `rows` cells for images of `imageSize` (the sweep's output
 * size). `hasRowLabels` is false for a one-axis sweep (one unlabelled row).
 */
export function contactSheetLayout(options: {
  columns: number;
  rows: number;
  imageSize: { width: number; height: number };
  hasRowLabels: boolean;
}): ContactSheetLayout {
  const { columns, rows, imageSize, hasRowLabels } = options;
  if (!(Number.isInteger(columns) && columns >= 1 && Number.isInteger(rows) && rows >= 1)) {
    throw new RangeError("A contact sheet needs at least one column and one row");
  }
  if (!(imageSize.width > 0 && imageSize.height > 0)) {
    throw new RangeError("The image size must be positive");
  }
  const cellHeight = Math.min(
    MAX_CELL_HEIGHT,
    Math.round((CELL_WIDTH * imageSize.height) / imageSize.width),
  );
  const labelWidth = hasRowLabels ? ROW_LABEL_WIDTH + GAP : 0;
  const gridLeft = PADDING + labelWidth;
  const gridTop = PADDING + TITLE_HEIGHT + LABEL_HEIGHT + GAP;
  const width = gridLeft + columns * CELL_WIDTH + (columns - 1) * GAP + PADDING;
  const height = gridTop + rows * cellHeight + (rows - 1) * GAP + PADDING;
  const columnX = (column: number) => gridLeft + column * (CELL_WIDTH + GAP);
  const rowY = (row: number) => gridTop + row * (cellHeight + GAP);
  return {
    width,
    height,
    title: { x: PADDING, y: PADDING, width: width - 2 * PADDING, height: TITLE_HEIGHT },
    columnLabels: Array.from({ length: columns }, (_, column) => ({
      x: columnX(column),
      y: PADDING + TITLE_HEIGHT,
      width: CELL_WIDTH,
      height: LABEL_HEIGHT,
    })),
    rowLabels: hasRowLabels
      ? Array.from({ length: rows }, (_, row) => ({
          x: PADDING,
          y: rowY(row),
          width: ROW_LABEL_WIDTH,
          height: cellHeight,
        }))
      : [],
    cells: Array.from({ length: rows }, (_, row) =>
      Array.from({ length: columns }, (_, column) => ({
        x: columnX(column),
        y: rowY(row),
        width: CELL_WIDTH,
        height: cellHeight,
      })),
    ),
  };
}

/** Where an image of `size` goes inside `box`: fitted (contain) and centred. */
export function fitInside(size: { width: number; height: number }, box: Box): Box {
  const scale = Math.min(box.width / size.width, box.height / size.height);
  const width = Math.round(size.width * scale);
  const height = Math.round(size.height * scale);
  return {
    x: box.x + Math.round((box.width - width) / 2),
    y: box.y + Math.round((box.height - height) / 2),
    width,
    height,
  };
}

/**
 * The image size a sheet's cells are laid out for when its cells' sizes differ (an `image` axis):
 * the tallest for its width, so every image fits its box at the full cell width or narrower.
 * Throws for no sizes.
 */
export function sheetImageSize(sizes: readonly { width: number; height: number }[]): {
  width: number;
  height: number;
} {
  const [first, ...rest] = sizes;
  if (!first) throw new RangeError("A contact sheet needs at least one image size");
  return rest.reduce(
    (tallest, size) => (size.height / size.width > tallest.height / tallest.width ? size : tallest),
    first,
  );
}
