import { describe, expect, it } from "vitest";
import { ACCELERATIONS, OUTPUT_FORMATS, PLAYGROUND_LIMITS, RESOLUTION_MODES } from "./endpoint";
import { kontextOutputSchema, parseKontextInput, summarizeFieldErrors } from "./schema";

const base = { image_url: "https://example.com/cat.png", prompt: "make it snow" };

function errorsFor(body: unknown) {
  const result = parseKontextInput(body);
  if (result.ok) throw new Error("expected the body to be refused");
  return result.errors;
}

function fieldsOf(body: unknown) {
  return errorsFor(body).map((error) => error.loc.slice(1).join("."));
}

describe("input defaults", () => {
  it("fills every optional field with the contract's default", () => {
    const result = parseKontextInput(base);
    expect(result).toEqual({
      ok: true,
      value: {
        ...base,
        num_inference_steps: 30,
        guidance_scale: 2.5,
        sync_mode: false,
        num_images: 1,
        enable_safety_checker: true,
        output_format: "png",
        loras: [],
        acceleration: "none",
        resolution_mode: "match_input",
      },
    });
  });

  it("gives a LoRA without a scale the scale 1", () => {
    const result = parseKontextInput({ ...base, loras: [{ path: "https://hf.co/a.safetensors" }] });
    expect(result.ok && result.value.loras).toEqual([
      { path: "https://hf.co/a.safetensors", scale: 1 },
    ]);
  });

  it("treats a null seed as absent and keeps a given seed", () => {
    const withNull = parseKontextInput({ ...base, seed: null });
    expect(withNull.ok && withNull.value.seed).toBeUndefined();
    const withSeed = parseKontextInput({ ...base, seed: 42 });
    expect(withSeed.ok && withSeed.value.seed).toBe(42);
  });
});

describe("required fields", () => {
  it("names image_url and prompt when both are missing", () => {
    expect(fieldsOf({})).toEqual(["image_url", "prompt"]);
  });

  it("refuses a blank prompt and a non-http image URL", () => {
    expect(errorsFor({ image_url: "ftp://x/y.png", prompt: "   " }).map((e) => e.msg)).toEqual([
      "image_url must use http or https, not ftp",
      "prompt is required",
    ]);
  });

  it("accepts a data URI as the image", () => {
    expect(parseKontextInput({ ...base, image_url: "data:image/png;base64,iVBORw0K" }).ok).toBe(
      true,
    );
  });

  it("refuses a prompt over 5,000 characters, such as a 100 KB one", () => {
    expect(errorsFor({ ...base, prompt: "a".repeat(100_000) })[0]?.msg).toBe(
      "prompt is longer than 5,000 characters",
    );
    expect(parseKontextInput({ ...base, prompt: "a".repeat(5_000) }).ok).toBe(true);
  });
});

describe("ranges", () => {
  it.each([
    ["num_inference_steps", 10, 50, 9, 51],
    ["guidance_scale", 0, 20, -0.1, 20.1],
    ["num_images", 1, 4, 0, 5],
  ])("%s accepts %d and %d and refuses %d and %d", (field, min, max, below, above) => {
    expect(parseKontextInput({ ...base, [field]: min }).ok).toBe(true);
    expect(parseKontextInput({ ...base, [field]: max }).ok).toBe(true);
    expect(fieldsOf({ ...base, [field]: below })).toEqual([field]);
    expect(fieldsOf({ ...base, [field]: above })).toEqual([field]);
  });

  it("requires whole numbers for steps, num_images and seed", () => {
    expect(fieldsOf({ ...base, num_inference_steps: 20.5, num_images: 1.5, seed: 1.5 })).toEqual([
      "num_inference_steps",
      "seed",
      "num_images",
    ]);
  });

  it("accepts fractional guidance", () => {
    expect(parseKontextInput({ ...base, guidance_scale: 3.75 }).ok).toBe(true);
  });

  it("keeps LoRA scales within 0–4 and names the LoRA at fault", () => {
    const loras = [
      { path: "https://a/x.safetensors", scale: 0 },
      { path: "https://a/y.safetensors", scale: 4 },
      { path: "https://a/z.safetensors", scale: 4.01 },
      { path: "https://a/w.safetensors", scale: -1 },
    ];
    expect(fieldsOf({ ...base, loras })).toEqual(["loras.2.scale", "loras.3.scale"]);
  });

  it("accepts up to PLAYGROUND_LIMITS.maxLoras LoRAs and refuses more, naming the limit", () => {
    const make = (length: number) =>
      Array.from({ length }, (_, i) => ({ path: `https://hf.co/${i}.safetensors` }));
    const max = PLAYGROUND_LIMITS.maxLoras;
    expect(parseKontextInput({ ...base, loras: make(max) }).ok).toBe(true);
    const refused = parseKontextInput({ ...base, loras: make(max + 1) });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && summarizeFieldErrors(refused.errors)).toContain(
      `loras may hold at most ${max} entries`,
    );
  });

  it("refuses a LoRA with an empty path", () => {
    expect(errorsFor({ ...base, loras: [{ path: " " }] })[0]).toEqual({
      loc: ["body", "loras", 0, "path"],
      msg: "path is required",
      type: "too_small",
    });
  });

  it("refuses negative seeds and seeds above 2³²−1", () => {
    expect(fieldsOf({ ...base, seed: -1 })).toEqual(["seed"]);
    expect(fieldsOf({ ...base, seed: 2 ** 32 })).toEqual(["seed"]);
    expect(parseKontextInput({ ...base, seed: 2 ** 32 - 1 }).ok).toBe(true);
  });
});

describe("enums", () => {
  it.each([
    ["output_format", OUTPUT_FORMATS, ["png", "jpeg"], "webp"],
    ["acceleration", ACCELERATIONS, ["none", "regular", "high"], "turbo"],
    [
      "resolution_mode",
      RESOLUTION_MODES,
      [
        "auto",
        "match_input",
        "1:1",
        "16:9",
        "21:9",
        "3:2",
        "2:3",
        "4:5",
        "5:4",
        "3:4",
        "4:3",
        "9:16",
        "9:21",
      ],
      "7:3",
    ],
  ] as const)("%s takes exactly the contract's values", (field, values, expected, wrong) => {
    expect([...values]).toEqual(expected);
    for (const value of values) {
      expect(parseKontextInput({ ...base, [field]: value }).ok, value).toBe(true);
    }
    expect(errorsFor({ ...base, [field]: wrong })[0]?.msg).toContain(`${field} must be one of`);
  });
});

describe("wrong types and unknown fields", () => {
  it("names every field with the wrong type", () => {
    const errors = errorsFor({
      image_url: 5,
      prompt: ["x"],
      num_images: "2",
      sync_mode: "yes",
      enable_safety_checker: 1,
      loras: { path: "x" },
    });
    expect(errors.map((e) => e.loc.slice(1).join("."))).toEqual([
      "image_url",
      "prompt",
      "sync_mode",
      "num_images",
      "enable_safety_checker",
      "loras",
    ]);
    expect(summarizeFieldErrors(errors)).toContain("num_images: num_images must be a number");
  });

  it("refuses unknown fields, so a typo never passes silently", () => {
    expect(errorsFor({ ...base, num_image: 2 })).toEqual([
      { loc: ["body", "num_image"], msg: "Unknown field: num_image", type: "extra_forbidden" },
    ]);
    expect(fieldsOf({ ...base, loras: [{ path: "x", weight: 1 }] })).toEqual(["loras.0.weight"]);
  });

  it("refuses a body that is not an object", () => {
    for (const body of [null, [], "text", 3]) {
      expect(errorsFor(body)).toEqual([
        { loc: ["body"], msg: "The request body must be a JSON object", type: "type_error" },
      ]);
    }
  });
});

describe("output", () => {
  it("parses fal's example response and defaults content_type to image/jpeg", () => {
    const output = kontextOutputSchema.parse({
      images: [{ url: "https://v3.fal.media/files/a.jpeg", width: 1024, height: 768 }],
      timings: { inference: 1.22 },
      seed: 7,
      has_nsfw_concepts: [false],
      prompt: "",
    });
    expect(output.images[0]?.content_type).toBe("image/jpeg");
  });

  it("refuses an output without images", () => {
    expect(
      kontextOutputSchema.safeParse({ timings: {}, seed: 1, has_nsfw_concepts: [], prompt: "" })
        .success,
    ).toBe(false);
  });
});
