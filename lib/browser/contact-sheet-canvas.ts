import { type Box, contactSheetLayout, fitInside } from "@/lib/sweep/contact-sheet";

/** What a contact sheet shows: a title, the axis labels and one image (or a note) per cell. */
export interface ContactSheetSpec {
  title: string;
  /** The second line under the title (e.g. the prompt and the fixed seed). */
  subtitle: string;
  columnLabels: string[];
  /** One empty label for a one-axis sweep. */
  rowLabels: string[];
  /** The sweep's output size (every cell has it). */
  imageSize: { width: number; height: number };
  /** `cells[row][column]`: the image, or a short note when there is none ("Failed"). */
  cells: (Blob | string)[][];
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Draws `text` inside `box`, shortened with "…" to fit, centred or left-aligned. */
function drawText(
  context: CanvasRenderingContext2D,
  text: string,
  box: Box,
  options: { size: number; weight?: number; colour: string; align?: "left" | "center" },
): void {
  const { size, weight = 500, colour, align = "center" } = options;
  context.font = `${weight} ${size}px ${FONT}`;
  context.fillStyle = colour;
  context.textBaseline = "middle";
  context.textAlign = align;
  let shown = text;
  while (shown.length > 1 && context.measureText(shown).width > box.width - 8) {
    shown = `${shown.slice(0, -2)}…`;
  }
  const x = align === "center" ? box.x + box.width / 2 : box.x;
  context.fillText(shown, x, box.y + box.height / 2);
}

/**
 * Draws a sweep's contact sheet as a PNG, laid out by `contactSheetLayout` (so its pixel size is
 * known in advance): white background, labels in dark grey, every image fitted in its cell.
 */
export async function drawContactSheet(spec: ContactSheetSpec): Promise<Blob> {
  const rows = spec.rowLabels.length;
  const columns = spec.columnLabels.length;
  const hasRowLabels = rows > 1 || (spec.rowLabels[0] ?? "") !== "";
  const layout = contactSheetLayout({ columns, rows, imageSize: spec.imageSize, hasRowLabels });
  const canvas = document.createElement("canvas");
  canvas.width = layout.width;
  canvas.height = layout.height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw the contact sheet (no 2D canvas)");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, layout.width, layout.height);

  const { title } = layout;
  drawText(
    context,
    spec.title,
    { ...title, height: title.height / 2 },
    {
      size: 22,
      weight: 650,
      colour: "#171717",
      align: "left",
    },
  );
  drawText(
    context,
    spec.subtitle,
    { ...title, y: title.y + title.height / 2, height: title.height / 2 },
    { size: 15, colour: "#525252", align: "left" },
  );
  spec.columnLabels.forEach((label, column) => {
    const box = layout.columnLabels[column];
    if (box) drawText(context, label, box, { size: 17, weight: 600, colour: "#262626" });
  });
  spec.rowLabels.forEach((label, row) => {
    const box = layout.rowLabels[row];
    if (box)
      drawText(context, label, box, { size: 17, weight: 600, colour: "#262626", align: "left" });
  });

  for (const [row, cells] of spec.cells.entries()) {
    for (const [column, cell] of cells.entries()) {
      const box = layout.cells[row]?.[column];
      if (!box) continue;
      context.fillStyle = "#f5f5f5";
      context.fillRect(box.x, box.y, box.width, box.height);
      if (typeof cell === "string") {
        drawText(context, cell, box, { size: 15, colour: "#737373" });
        continue;
      }
      let bitmap: ImageBitmap | null = null;
      try {
        bitmap = await createImageBitmap(cell);
        const fitted = fitInside({ width: bitmap.width, height: bitmap.height }, box);
        context.drawImage(bitmap, fitted.x, fitted.y, fitted.width, fitted.height);
      } catch {
        drawText(context, "Image unavailable", box, { size: 15, colour: "#737373" });
      } finally {
        bitmap?.close();
      }
    }
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob ? resolve(blob) : reject(new Error("The contact sheet could not be encoded")),
      "image/png",
    ),
  );
}
