import type { KontextRequest, LoraWeight } from "@/lib/kontext/schema";
import type { AxisKind } from "@/lib/sweep/axis";
import type { ScaleTarget } from "@/lib/sweep/cells";
import type { SweepRecipe } from "./recipe";

/** One axis of the sweep form, as typed (the store's `AxisInput`). */
export interface SweepFormAxis {
  kind: AxisKind;
  text: string;
  target?: ScaleTarget;
}

/** A shared sweep back in the form: the request everything else holds, and the axes as text. */
export interface SweepForm {
  base: KontextRequest;
  axes: SweepFormAxis[];
}

/**
 * Rebuilds the sweep form from a shared sweep, so "Open in playground" sets the sweep up again:
 * numeric axes from their labels, prompt variants from theirs, a LoRA set from the cells (the
 * LoRA each column or row adds), and the base request from the first cell with the swept LoRAs
 * taken out. Expanding the result gives the shared cells' requests again. Null when the recipe's
 * grid is incomplete.
 */
export function sweepFormFromRecipe(recipe: SweepRecipe): SweepForm | null {
  const cellAt = (row: number, column: number) =>
    recipe.cells.find((cell) => cell.row === row && cell.column === column)?.request;
  const first = cellAt(0, 0);
  if (!first) return null;
  const along = (index: number): (KontextRequest | undefined)[] =>
    index === 0
      ? recipe.columnLabels.map((_, column) => cellAt(0, column))
      : recipe.rowLabels.map((_, row) => cellAt(row, 0));
  if ([0, 1].some((index) => index < recipe.axes.length && along(index).includes(undefined))) {
    return null;
  }
  const loraAxis = recipe.axes.findIndex((axis) => axis.kind === "lora");
  const swept = new Set<string>();
  const axes = recipe.axes.map((axis, index): SweepFormAxis => {
    const requests = along(index) as KontextRequest[];
    switch (axis.kind) {
      case "prompt":
        return { kind: "prompt", text: requests.map((request) => request.prompt).join("\n") };
      case "seed":
        return { kind: "seed", text: requests.map((request) => request.seed).join(", ") };
      case "guidance":
        return { kind: "guidance", text: requests.map((r) => r.guidance_scale).join(", ") };
      case "steps":
        return { kind: "steps", text: requests.map((r) => r.num_inference_steps).join(", ") };
      case "lora_scale": {
        const values = axis.labels.map((label) => label.replace(/^×/, ""));
        if (loraAxis >= 0)
          return { kind: "lora_scale", text: values.join(", "), target: { kind: "swept" } };
        // The stack's LoRA whose scale follows the axis.
        const path = first.loras.find((lora) =>
          requests.every((request, position) =>
            request.loras.some(
              (entry) => entry.path === lora.path && String(entry.scale) === values[position],
            ),
          ),
        )?.path;
        return {
          kind: "lora_scale",
          text: values.join(", "),
          ...(path ? { target: { kind: "stack", path } } : {}),
        };
      }
      case "lora": {
        // Paths every cell along the axis has: the stack's own LoRAs, not the swept ones.
        const common = new Set(
          first.loras
            .map((lora) => lora.path)
            .filter((path) => requests.every((r) => r.loras.some((lora) => lora.path === path))),
        );
        const isScaled = recipe.axes.some((other) => other.kind === "lora_scale");
        const lines = requests.map((request, position) => {
          const added: LoraWeight | undefined = request.loras.find(
            (lora) => !common.has(lora.path),
          );
          if (!added || axis.labels[position] === "No LoRA") return "none";
          swept.add(added.path);
          return isScaled ? added.path : `${added.path} @ ${added.scale}`;
        });
        return { kind: "lora", text: lines.join("\n") };
      }
      default:
        return { kind: axis.kind, text: axis.labels.join(", ") };
    }
  });
  return { base: { ...first, loras: first.loras.filter((lora) => !swept.has(lora.path)) }, axes };
}
