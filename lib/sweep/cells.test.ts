import { describe, expect, it } from "vitest";
import type { KontextRequest } from "@/lib/kontext/schema";
import { imageAxisValues, parseAxis } from "./axis";
import {
  estimateSweep,
  estimateSweepCells,
  expandSweep,
  MAX_SWEEP_CELLS,
  type SweepAxis,
} from "./cells";

const STYLE = "https://example.com/style.safetensors";
const OTHER = "https://example.com/other.safetensors";

const base: KontextRequest = {
  image_url: "",
  prompt: "Make it a plushie",
  loras: [{ path: STYLE, scale: 1 }],
  num_inference_steps: 30,
  guidance_scale: 2.5,
  num_images: 1,
  output_format: "png",
  acceleration: "none",
  resolution_mode: "match_input",
  enable_safety_checker: true,
  sync_mode: false,
  seed: 42,
};

function axis(kind: SweepAxis["kind"], text: string, target?: SweepAxis["target"]): SweepAxis {
  const parsed = parseAxis(kind, text);
  if (!parsed.ok) throw new Error(parsed.message);
  return { kind, values: parsed.values, ...(target ? { target } : {}) };
}

function grid(result: ReturnType<typeof expandSweep>) {
  if (!result.ok) throw new Error(result.message);
  return result.grid;
}

function refusal(result: ReturnType<typeof expandSweep>) {
  if (result.ok) throw new Error("expected a refusal");
  return result.message;
}

describe("expandSweep", () => {
  it("makes a 1×4 scale sweep of a stack LoRA, holding everything else", () => {
    const { cells, columnLabels, rowLabels } = grid(
      expandSweep(base, [axis("lora_scale", "0, 0.5, 1, 1.5", { kind: "stack", path: STYLE })]),
    );
    expect(columnLabels).toEqual(["×0", "×0.5", "×1", "×1.5"]);
    expect(rowLabels).toEqual([""]);
    expect(cells.map((cell) => [cell.row, cell.column, cell.request.loras[0]?.scale])).toEqual([
      [0, 0, 0],
      [0, 1, 0.5],
      [0, 2, 1],
      [0, 3, 1.5],
    ]);
    for (const cell of cells) {
      expect({ ...cell.request, loras: base.loras }).toEqual(base);
    }
  });

  it("makes a 2×2 grid row by row: columns from the first axis, rows from the second", () => {
    const { cells, columnLabels, rowLabels } = grid(
      expandSweep(base, [axis("guidance", "2, 4"), axis("prompt", "snow\nrain")]),
    );
    expect(columnLabels).toEqual(["2", "4"]);
    expect(rowLabels).toEqual(["snow", "rain"]);
    expect(cells.map((cell) => [cell.request.prompt, cell.request.guidance_scale])).toEqual([
      ["snow", 2],
      ["snow", 4],
      ["rain", 2],
      ["rain", 4],
    ]);
    expect(new Set(cells.map((cell) => cell.request.seed))).toEqual(new Set([42]));
  });

  it("crosses a set of LoRAs with scales of the swept LoRA, with a baseline", () => {
    const { cells } = grid(
      expandSweep({ ...base, loras: [] }, [
        axis("lora_scale", "0.5, 1", { kind: "swept" }),
        axis("lora", `${STYLE}\n${OTHER}\nnone`),
      ]),
    );
    expect(cells.map((cell) => cell.request.loras)).toEqual([
      [{ path: STYLE, scale: 0.5 }],
      [{ path: STYLE, scale: 1 }],
      [{ path: OTHER, scale: 0.5 }],
      [{ path: OTHER, scale: 1 }],
      [],
      [],
    ]);
  });

  it("adds a swept LoRA to the stack, or rescales it when the stack has it already", () => {
    const { cells } = grid(expandSweep(base, [axis("lora", `${OTHER} @ 0.7\n${STYLE} @ 0.3`)]));
    expect(cells.map((cell) => cell.request.loras)).toEqual([
      [
        { path: STYLE, scale: 1 },
        { path: OTHER, scale: 0.7 },
      ],
      [{ path: STYLE, scale: 0.3 }],
    ]);
  });

  it("sweeps seeds even when the form's seed is random", () => {
    const { cells } = grid(expandSweep({ ...base, seed: undefined }, [axis("seed", "1..3")]));
    expect(cells.map((cell) => cell.request.seed)).toEqual([1, 2, 3]);
  });

  it("refuses what cannot make a sweep, saying what to change", () => {
    expect(refusal(expandSweep(base, []))).toBe("Choose what to vary");
    expect(refusal(expandSweep(base, [axis("seed", "1"), axis("seed", "2")]))).toMatch(
      /Both axes vary the seed/,
    );
    expect(refusal(expandSweep({ ...base, seed: undefined }, [axis("guidance", "1, 2")]))).toBe(
      "A sweep holds the seed fixed: set one",
    );
    expect(refusal(expandSweep(base, [axis("lora_scale", "1", { kind: "swept" })]))).toMatch(
      /Choose which LoRA the scale axis scales/,
    );
    expect(
      refusal(expandSweep(base, [axis("lora_scale", "1", { kind: "stack", path: OTHER })])),
    ).toMatch(/not in the stack/);
    expect(refusal(expandSweep(base, [{ kind: "guidance", values: [] }]))).toBe(
      "Give the guidance axis at least one value",
    );
  });

  it(`refuses more than ${MAX_SWEEP_CELLS} cells`, () => {
    expect(
      refusal(expandSweep(base, [axis("seed", "1..16"), axis("guidance", "0..5 step 1")])),
    ).toBe("16 × 6 = 96 cells is more than the 64 a sweep can run; remove some values");
    expect(
      grid(expandSweep(base, [axis("seed", "1..16"), axis("guidance", "0..3 step 1")])).cells,
    ).toHaveLength(64);
  });
});

describe("estimateSweep", () => {
  it("adds up requests, images, billed megapixels and dollars without rounding noise", () => {
    expect(estimateSweep(4, { width: 1024, height: 1024 }, 1)).toEqual({
      requests: 4,
      images: 4,
      megapixels: 4,
      usd: 0.14,
    });
    // 1392×752 is 0.998 MP: billed as 1 each; 2 images per cell.
    expect(estimateSweep(3, { width: 1392, height: 752 }, 2)).toEqual({
      requests: 3,
      images: 6,
      megapixels: 6,
      usd: 0.21,
    });
    expect(estimateSweep(7, { width: 1024, height: 1024 }, 1).usd).toBe(0.245);
    expect(estimateSweep(0, { width: 1024, height: 1024 }, 1).usd).toBe(0);
  });

  it("refuses a cell count that is not a whole number", () => {
    expect(() => estimateSweep(1.5, { width: 8, height: 8 }, 1)).toThrow(RangeError);
  });
});

describe("an image axis", () => {
  const images = [
    { id: "current", name: "photo.png", width: 1024, height: 1024 },
    { id: "a", name: "chair.png", width: 640, height: 480 },
    { id: "b", name: "lamp.jpg", width: 480, height: 640 },
  ];
  function imageAxis(): SweepAxis {
    const parsed = imageAxisValues(images);
    if (!parsed.ok) throw new Error(parsed.message);
    return { kind: "image", values: parsed.values };
  }

  it("crosses 3 images with 2 LoRA scales: 6 cells, each naming its image", () => {
    const result = grid(
      expandSweep(base, [
        imageAxis(),
        axis("lora_scale", "0.5, 1", { kind: "stack", path: STYLE }),
      ]),
    );
    expect(result.columnLabels).toEqual(["photo", "chair", "lamp"]);
    expect(result.rowLabels).toEqual(["×0.5", "×1"]);
    expect(result.cells).toHaveLength(6);
    expect(result.cells.map((cell) => [cell.image?.id, cell.request.loras[0]?.scale])).toEqual([
      ["current", 0.5],
      ["a", 0.5],
      ["b", 0.5],
      ["current", 1],
      ["a", 1],
      ["b", 1],
    ]);
    // Everything else is held: the prompt and the seed.
    expect(
      new Set(result.cells.map((cell) => `${cell.request.prompt}/${cell.request.seed}`)),
    ).toEqual(new Set(["Make it a plushie/42"]));
  });

  it("names no image for cells of sweeps without an image axis", () => {
    const result = grid(expandSweep(base, [axis("seed", "1, 2")]));
    expect(result.cells.every((cell) => cell.image === undefined)).toBe(true);
  });

  it("refuses two image axes", () => {
    expect(refusal(expandSweep(base, [imageAxis(), imageAxis()]))).toBe(
      "Both axes vary the input image; choose two different things",
    );
  });
});

describe("estimateSweepCells", () => {
  it("prices each cell by its own output size", () => {
    // 1024×1024 bills 1 MP, 1920×1080 bills 2 MP (rounded up), at $0.035 per MP.
    expect(
      estimateSweepCells(
        [
          { width: 1024, height: 1024 },
          { width: 1920, height: 1080 },
        ],
        2,
      ),
    ).toEqual({ requests: 2, images: 4, megapixels: 6, usd: 0.21 });
  });

  it("agrees with estimateSweep when every cell has the same size", () => {
    const size = { width: 1920, height: 1080 };
    expect(estimateSweepCells([size, size, size], 1)).toEqual(estimateSweep(3, size, 1));
  });
});
