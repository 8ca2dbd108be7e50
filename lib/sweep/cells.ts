import { estimatePrice } from "@/lib/kontext/pricing";
import type { Size } from "@/lib/kontext/resolution";
import type { KontextRequest, LoraWeight } from "@/lib/kontext/schema";
import type { AxisImage, AxisKind, AxisValue } from "./axis";

/** The most cells (requests) one sweep may have. */
export const MAX_SWEEP_CELLS = 64;

/** What a `lora_scale` axis scales: a LoRA of the stack (its path), or the other axis's LoRA. */
export type ScaleTarget = { kind: "stack"; path: string } | { kind: "swept" };

/** One axis of a sweep, parsed. */
export interface SweepAxis {
  kind: AxisKind;
  values: AxisValue[];
  /** For `lora_scale` axes: which LoRA they scale. */
  target?: ScaleTarget;
}

/** One cell: its place in the grid and the exact request it sends (image_url filled later). */
export interface SweepCell {
  row: number;
  column: number;
  request: KontextRequest;
  /** The input image an `image` axis gives this cell (its `image_url` is that image's, once uploaded). */
  image?: AxisImage;
}

/** A sweep's grid: labels along both axes and a cell per pair, row by row. */
export interface SweepGrid {
  columnLabels: string[];
  /** One empty label when the sweep has a single axis. */
  rowLabels: string[];
  cells: SweepCell[];
}

export type ExpandResult = { ok: true; grid: SweepGrid } | { ok: false; message: string };

const AXIS_NOUNS: Record<AxisKind, string> = {
  lora_scale: "LoRA scale",
  lora: "LoRA",
  seed: "seed",
  guidance: "guidance",
  steps: "steps",
  prompt: "prompt",
  image: "input image",
};

/** `LoRA scale`, `prompt`…: what an axis varies, for labels and messages. */
export function axisNoun(kind: AxisKind): string {
  return AXIS_NOUNS[kind];
}

/** `loras` with `lora` added (or, when the stack has that path already, rescaled). */
function withLora(loras: LoraWeight[], lora: LoraWeight): LoraWeight[] {
  if (lora.path === "") return loras;
  return loras.some((entry) => entry.path === lora.path)
    ? loras.map((entry) => (entry.path === lora.path ? { ...entry, scale: lora.scale } : entry))
    : [...loras, lora];
}

/** Applies one axis value to a request; `swept` is the LoRA the other axis put in, if any. */
function apply(
  request: KontextRequest,
  axis: SweepAxis,
  value: AxisValue,
  swept: LoraWeight | null,
): KontextRequest {
  switch (value.kind) {
    case "prompt":
      return { ...request, prompt: value.value };
    case "lora":
      return { ...request, loras: withLora(request.loras, value.value) };
    case "seed":
      return { ...request, seed: value.value };
    case "guidance":
      return { ...request, guidance_scale: value.value };
    case "steps":
      return { ...request, num_inference_steps: value.value };
    case "image":
      // The image is uploaded when the sweep starts; the cell names it (see `SweepCell.image`).
      return request;
    case "lora_scale": {
      const path = axis.target?.kind === "stack" ? axis.target.path : swept?.path;
      if (!path) return request; // the baseline ("No LoRA") has nothing to scale
      return {
        ...request,
        loras: request.loras.map((lora) =>
          lora.path === path ? { ...lora, scale: value.value } : lora,
        ),
      };
    }
  }
}

/** Why these axes cannot make a sweep, or null when they can. */
function checkAxes(base: KontextRequest, axes: readonly SweepAxis[]): string | null {
  if (axes.length === 0) return "Choose what to vary";
  if (axes.length > 2) return "A sweep varies at most two things";
  const [first, second] = axes;
  if (first && second && first.kind === second.kind) {
    return `Both axes vary the ${axisNoun(first.kind)}; choose two different things`;
  }
  for (const axis of axes) {
    if (axis.values.length === 0) return `Give the ${axisNoun(axis.kind)} axis at least one value`;
    if (axis.kind !== "lora_scale") continue;
    const target = axis.target ?? { kind: "swept" };
    if (target.kind === "swept" && !axes.some((other) => other.kind === "lora")) {
      return "Choose which LoRA the scale axis scales (add a LoRA to the stack first)";
    }
    if (target.kind === "stack" && !base.loras.some((lora) => lora.path === target.path)) {
      return "The LoRA the scale axis scales is not in the stack (or is switched off); add it first";
    }
  }
  if (base.seed === undefined && !axes.some((axis) => axis.kind === "seed")) {
    return "A sweep holds the seed fixed: set one";
  }
  return null;
}

/**
 * Expands a sweep into cells: the first axis runs along the columns, the optional second along
 * the rows; every cell is `base` with one value of each axis applied, everything else (the seed
 * included) held constant. Refuses two axes of the same kind, empty axes, a scale axis with no
 * LoRA to scale, a base without a seed (unless seeds are swept) and more than
 * {@link MAX_SWEEP_CELLS} cells — each with a message that says what to change.
 */
export function expandSweep(base: KontextRequest, axes: readonly SweepAxis[]): ExpandResult {
  const problem = checkAxes(base, axes);
  if (problem) return { ok: false, message: problem };
  const [columns, rows] = axes as [SweepAxis, SweepAxis | undefined];
  const rowValues: (AxisValue | null)[] = rows ? rows.values : [null];
  const count = columns.values.length * rowValues.length;
  if (count > MAX_SWEEP_CELLS) {
    return {
      ok: false,
      message: `${columns.values.length} × ${rowValues.length} = ${count} cells is more than the ${MAX_SWEEP_CELLS} a sweep can run; remove some values`,
    };
  }
  // The LoRA axis applies first, so a scale axis can scale the LoRA it put in.
  const ordered = (column: AxisValue, row: AxisValue | null) => {
    const pairs: [SweepAxis, AxisValue][] = [[columns, column]];
    if (rows && row) pairs.push([rows, row]);
    return pairs.sort(([a], [b]) => Number(b.kind === "lora") - Number(a.kind === "lora"));
  };
  const cells: SweepCell[] = [];
  rowValues.forEach((row, rowIndex) => {
    columns.values.forEach((column, columnIndex) => {
      let request = base;
      let swept: LoraWeight | null = null;
      let image: AxisImage | undefined;
      for (const [axis, value] of ordered(column, row)) {
        if (value.kind === "lora") swept = value.value.path ? value.value : null;
        if (value.kind === "image") image = value.value;
        request = apply(request, axis, value, swept);
      }
      cells.push({ row: rowIndex, column: columnIndex, request, ...(image ? { image } : {}) });
    });
  });
  return {
    ok: true,
    grid: {
      columnLabels: columns.values.map((value) => value.label),
      rowLabels: rows ? rows.values.map((value) => value.label) : [""],
      cells,
    },
  };
}

/** What a sweep will cost before it starts. */
export interface SweepEstimate {
  requests: number;
  images: number;
  /** Billed megapixels over every image. */
  megapixels: number;
  usd: number;
}

/**
 * The predicted cost of a sweep: every cell makes `numImages` images of `size` (a sweep never
 * changes the output size), billed as one run each.
 */
export function estimateSweep(cellCount: number, size: Size, numImages: number): SweepEstimate {
  if (!Number.isInteger(cellCount) || cellCount < 0) {
    throw new RangeError("cellCount must be a whole number ≥ 0");
  }
  return estimateSweepCells(
    Array.from({ length: cellCount }, () => size),
    numImages,
  );
}

/**
 * The predicted cost of a sweep whose cells may differ in output size (an `image` axis: each
 * cell's output follows its own input): one run of `numImages` images per size in `sizes`.
 */
export function estimateSweepCells(sizes: readonly Size[], numImages: number): SweepEstimate {
  let megapixels = 0;
  let tenthsOfCents = 0;
  for (const size of sizes) {
    const perCell = estimatePrice(size, numImages);
    megapixels += perCell.megapixels;
    // In tenths of a cent, as estimatePrice counts, so the sum carries no floating-point noise.
    tenthsOfCents += Math.round(perCell.usd * 1000);
  }
  return {
    requests: sizes.length,
    images: sizes.length * numImages,
    megapixels,
    usd: tenthsOfCents / 1000,
  };
}
