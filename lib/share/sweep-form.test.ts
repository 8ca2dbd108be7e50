import { describe, expect, it } from "vitest";
import type { KontextRequest } from "@/lib/kontext/schema";
import { parseAxis, type TextAxisKind } from "@/lib/sweep/axis";
import { expandSweep, type SweepAxis } from "@/lib/sweep/cells";
import { request } from "@/tests/fixtures/share";
import type { SweepRecipe } from "./recipe";
import { type SweepForm, sweepFormFromRecipe } from "./sweep-form";

const STYLE = "https://huggingface.co/me/style/resolve/main/s.safetensors";
const OTHER = "https://huggingface.co/me/other/resolve/main/o.safetensors";
const KEEP = "https://huggingface.co/me/keep/resolve/main/k.safetensors";

/** A shared sweep made the way the playground makes one: expanding typed axes over a base. */
function shared(
  base: KontextRequest,
  typed: { kind: TextAxisKind; text: string; target?: SweepAxis["target"] }[],
): SweepRecipe {
  const axes = typed.map((axis) => {
    const parsed = parseAxis(axis.kind, axis.text);
    if (!parsed.ok) throw new Error(parsed.message);
    return {
      kind: axis.kind,
      values: parsed.values,
      ...(axis.target ? { target: axis.target } : {}),
    };
  });
  const expanded = expandSweep(base, axes);
  if (!expanded.ok) throw new Error(expanded.message);
  const { grid } = expanded;
  return {
    kind: "sweep",
    axes: axes.map((axis, index) => ({
      kind: axis.kind,
      labels: index === 0 ? grid.columnLabels : grid.rowLabels,
    })),
    columnLabels: grid.columnLabels,
    rowLabels: grid.rowLabels,
    cells: grid.cells.map((cell) => ({ ...cell, output: null })),
    createdAt: 1,
    backend: "fal",
  };
}

/** Expands the rebuilt form again, to compare with the shared cells. */
function expandForm(form: SweepForm): KontextRequest[] {
  const axes = form.axes.map((axis) => {
    const parsed = parseAxis(axis.kind, axis.text);
    if (!parsed.ok) throw new Error(parsed.message);
    return {
      kind: axis.kind,
      values: parsed.values,
      ...(axis.target ? { target: axis.target } : {}),
    };
  });
  const expanded = expandSweep(form.base, axes);
  if (!expanded.ok) throw new Error(expanded.message);
  return expanded.grid.cells.map((cell) => cell.request);
}

describe("sweepFormFromRecipe", () => {
  const cases: [string, KontextRequest, Parameters<typeof shared>[1]][] = [
    [
      "a stack LoRA's scale × prompt variants",
      request({
        loras: [
          { path: STYLE, scale: 1 },
          { path: KEEP, scale: 0.3 },
        ],
      }),
      [
        { kind: "lora_scale", text: "0..1.5 step 0.5", target: { kind: "stack", path: STYLE } },
        { kind: "prompt", text: 'snow\nrain, with "quotes"' },
      ],
    ],
    [
      "styles (with a baseline) × their strengths",
      request({ loras: [{ path: KEEP, scale: 0.3 }] }),
      [
        { kind: "lora", text: `${STYLE}\n${OTHER}\nnone` },
        { kind: "lora_scale", text: "0.5, 1", target: { kind: "swept" } },
      ],
    ],
    [
      "styles at chosen scales × seeds",
      request({ loras: [] }),
      [
        { kind: "lora", text: `${STYLE} @ 0.7\n${OTHER} @ 1.2` },
        { kind: "seed", text: "1..3" },
      ],
    ],
    [
      "guidance × steps",
      request({}),
      [
        { kind: "guidance", text: "1.5, 2.5" },
        { kind: "steps", text: "10, 20" },
      ],
    ],
  ];

  it.each(
    cases,
  )("rebuilds %s so that expanding it gives the shared cells again", (_name, base, typed) => {
    const recipe = shared(base, typed);
    const form = sweepFormFromRecipe(recipe);
    if (!form) throw new Error("no form");
    expect(expandForm(form)).toEqual(recipe.cells.map((cell) => cell.request));
    expect(form.axes.map((axis) => axis.kind)).toEqual(typed.map((axis) => axis.kind));
  });

  it("gives up on a grid with a missing cell", () => {
    const recipe = shared(request({}), [{ kind: "guidance", text: "1, 2" }]);
    expect(sweepFormFromRecipe({ ...recipe, cells: recipe.cells.slice(1) })).toBeNull();
  });
});
