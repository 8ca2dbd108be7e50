import { describe, expect, it } from "vitest";
import { KNOWN_LORAS } from "@/lib/kontext/known-loras";
import {
  imageAxisValues,
  imageLabels,
  MAX_AXIS_VALUES,
  parseAxis,
  parseLoraAxis,
  parseNumericAxis,
  parsePromptAxis,
} from "./axis";

function values(result: ReturnType<typeof parseAxis>) {
  if (!result.ok) throw new Error(result.message);
  return result.values.map((entry) => entry.value);
}

function message(result: ReturnType<typeof parseAxis>): string {
  if (result.ok) throw new Error("expected a refusal");
  return result.message;
}

describe("numeric axes", () => {
  it("reads lists separated by commas, semicolons or spaces", () => {
    expect(values(parseNumericAxis("lora_scale", "0, 0.5;1 1.5"))).toEqual([0, 0.5, 1, 1.5]);
  });

  it("expands ranges with a step, without floating-point noise", () => {
    expect(values(parseNumericAxis("lora_scale", "0..1.5 step 0.25"))).toEqual([
      0, 0.25, 0.5, 0.75, 1, 1.25, 1.5,
    ]);
    expect(values(parseNumericAxis("guidance", "0.1..0.7 by 0.2"))).toEqual([0.1, 0.3, 0.5, 0.7]);
    expect(values(parseNumericAxis("guidance", "3 .. 1 : -1"))).toEqual([3, 2, 1]);
    // The end is included only when a step lands on it.
    expect(values(parseNumericAxis("lora_scale", "0..1 step 0.4"))).toEqual([0, 0.4, 0.8]);
  });

  it("mixes ranges and single values, keeping each value once", () => {
    expect(values(parseNumericAxis("steps", "10..30 step 10, 30, 50"))).toEqual([10, 20, 30, 50]);
  });

  it("lets whole-number axes leave out a step of 1", () => {
    expect(values(parseNumericAxis("seed", "1..4"))).toEqual([1, 2, 3, 4]);
    expect(values(parseNumericAxis("steps", "12..10"))).toEqual([12, 11, 10]);
  });

  it("labels scales with × and numbers as typed", () => {
    const result = parseNumericAxis("lora_scale", "0.5, 1");
    expect(result.ok && result.values.map((value) => value.label)).toEqual(["×0.5", "×1"]);
    const seeds = parseNumericAxis("seed", "42");
    expect(seeds.ok && seeds.values[0]?.label).toBe("42");
  });

  it("refuses an empty list", () => {
    expect(message(parseNumericAxis("guidance", "  , "))).toBe("Enter at least one guidance value");
  });

  it("refuses a zero step and a step going the wrong way", () => {
    expect(message(parseNumericAxis("lora_scale", "0..1.5 step 0"))).toBe(
      "The step of 0..1.5 step 0 must not be 0",
    );
    expect(message(parseNumericAxis("lora_scale", "0..1.5 step -0.25"))).toMatch(
      /goes the wrong way: from 0 to 1.5 counts up, so use a positive step/,
    );
    expect(message(parseNumericAxis("guidance", "5..1 step 1"))).toMatch(
      /counts down, so use a negative step/,
    );
  });

  it("asks for a step on ranges of fractional values", () => {
    expect(message(parseNumericAxis("lora_scale", "0..1.5"))).toMatch(/Give 0..1.5 a step/);
  });

  it("refuses values outside the endpoint's ranges, naming the limits", () => {
    expect(message(parseNumericAxis("lora_scale", "1, 4.5"))).toBe(
      "LoRA scale 4.5 is outside the allowed 0–4",
    );
    expect(message(parseNumericAxis("steps", "5"))).toBe("Steps 5 is outside the allowed 10–50");
    expect(message(parseNumericAxis("guidance", "-1"))).toBe(
      "Guidance -1 is outside the allowed 0–20",
    );
    expect(message(parseNumericAxis("seed", "4294967296"))).toMatch(
      /outside the allowed 0–4294967295/,
    );
  });

  it("refuses fractions where whole numbers are needed, and words", () => {
    expect(message(parseNumericAxis("steps", "20.5"))).toBe(
      "Steps must be whole numbers; 20.5 is not",
    );
    expect(message(parseNumericAxis("guidance", "2, lots"))).toMatch(/^"lots" is not a number/);
  });

  it(`refuses more than ${MAX_AXIS_VALUES} values`, () => {
    expect(message(parseNumericAxis("seed", "1..100"))).toMatch(
      /makes 100 values; an axis takes at most 16/,
    );
    expect(
      message(parseNumericAxis("seed", Array.from({ length: 17 }, (_, i) => i).join(","))),
    ).toMatch(/17 values is more than the 16/);
  });
});

describe("prompt variants", () => {
  it("takes one prompt per line, trimmed, each once", () => {
    expect(values(parsePromptAxis(" Make it snow \n\nMake it rain\nMake it snow"))).toEqual([
      "Make it snow",
      "Make it rain",
    ]);
  });

  it("refuses none, and prompts over the length limit", () => {
    expect(message(parsePromptAxis("\n  \n"))).toBe("Enter at least one prompt, one per line");
    expect(message(parsePromptAxis(`ok\n${"x".repeat(5001)}`))).toBe(
      "Prompt 2 is longer than 5,000 characters",
    );
  });
});

describe("LoRA sets", () => {
  const known = KNOWN_LORAS[0];
  if (!known) throw new Error("no known LoRAs");

  it("reads one LoRA per line with an optional scale; known LoRAs get their recommended scale", () => {
    const result = parseLoraAxis(
      `${known.path}\nhttps://example.com/my-style.safetensors @ 0.8\nnone`,
    );
    expect(values(result)).toEqual([
      { path: known.path, scale: known.scale },
      { path: "https://example.com/my-style.safetensors", scale: 0.8 },
      { path: "", scale: 0 },
    ]);
    expect(result.ok && result.values.map((value) => value.label)).toEqual([
      known.name,
      "my-style ×0.8",
      "No LoRA",
    ]);
  });

  it("refuses unusable paths and scales, naming the line", () => {
    expect(message(parseLoraAxis(`${known.path}\nnot a url`))).toMatch(/^LoRA 2: /);
    expect(message(parseLoraAxis("https://example.com/a.safetensors @ 9"))).toBe(
      "LoRA 1: the scale must be a number from 0 to 4",
    );
    expect(message(parseLoraAxis(""))).toBe("Choose at least one LoRA");
  });
});

describe("image axes", () => {
  const image = (id: string, name: string, width = 640, height = 480) => ({
    id,
    name,
    width,
    height,
  });

  it("labels images by their file names, without extensions, shortened", () => {
    expect(
      imageLabels([
        "chair.png",
        "Lamp.JPEG",
        "a-very-long-product-photo-name-for-the-catalogue.webp",
      ]),
    ).toEqual(["chair", "Lamp", "a-very-long-product-pho…"]);
  });

  it("keeps labels unique: repeated names are numbered in order", () => {
    expect(imageLabels(["chair.png", "chair.jpg", "chair 2.png", "", " .png"])).toEqual([
      "chair",
      "chair 3",
      "chair 2",
      "image",
      "image 2",
    ]);
  });

  it("makes one labelled value per image, with its size", () => {
    const result = imageAxisValues([image("a", "sofa.png", 800, 600), image("b", "lamp.jpg")]);
    if (!result.ok) throw new Error(result.message);
    expect(result.values).toEqual([
      { kind: "image", value: image("a", "sofa.png", 800, 600), label: "sofa" },
      { kind: "image", value: image("b", "lamp.jpg"), label: "lamp" },
    ]);
  });

  it("refuses no images, too many, and an image without a size", () => {
    expect(message(imageAxisValues([]))).toBe("Add at least one image to this axis");
    const many = Array.from({ length: MAX_AXIS_VALUES + 1 }, (_, i) => image(`${i}`, `${i}.png`));
    expect(message(imageAxisValues(many))).toBe(
      `${MAX_AXIS_VALUES + 1} images is more than the ${MAX_AXIS_VALUES} an axis takes`,
    );
    expect(message(imageAxisValues([image("a", "flat.png", 0, 0)]))).toBe(
      "flat.png has no usable size; add it again",
    );
  });

  it("is not parsed from text", () => {
    expect(message(parseAxis("image", "chair.png"))).toBe("Add the images of this axis");
  });
});
