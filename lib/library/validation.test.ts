import { describe, expect, it } from "vitest";
import { userLora } from "@/tests/fixtures/library";
import { checkUserLoraInput, parseTagList, type UserLoraInput, userLoraSchema } from "./validation";

function input(overrides: Partial<UserLoraInput> = {}): UserLoraInput {
  const { id: _id, createdAt: _createdAt, ...rest } = userLora();
  return { ...rest, ...overrides };
}

describe("checkUserLoraInput", () => {
  it("accepts a complete LoRA, trimming text and normalising the path and tags", () => {
    const result = checkUserLoraInput(
      input({
        name: "  Sketch  ",
        path: " https://huggingface.co/me/sketch/blob/main/sketch.safetensors ",
        tags: ["Sketch", "sketch", " Portrait "],
      }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        ...input(),
        name: "Sketch",
        path: "https://huggingface.co/me/sketch/resolve/main/sketch.safetensors",
        tags: ["sketch", "portrait"],
      },
    });
  });

  it("accepts an empty trigger and notes, and leaves out an empty tag list", () => {
    const result = checkUserLoraInput(input({ trigger: " ", notes: "", tags: [] }));
    expect(result).toEqual({
      ok: true,
      value: { ...input({ trigger: "", notes: "" }), tags: undefined },
    });
    expect(result.ok && "tags" in result.value).toBe(false);
  });

  it("names each field that is wrong, with a message for people", () => {
    const result = checkUserLoraInput({
      name: "",
      path: "fal/Plushie-Kontext-Dev-LoRA",
      trigger: "x".repeat(5_001),
      scale: Number.NaN,
      notes: "y".repeat(2_001),
      tags: ["z".repeat(33)],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: "Enter a name",
        path: expect.stringMatching(
          /Use the weight file's URL, e\.g\. https:\/\/huggingface\.co\/fal/,
        ),
        trigger: "Keep the trigger to 5,000 characters",
        scale: "Enter a scale from 0 to 4",
        notes: "Keep the notes to 2,000 characters",
        tags: "Keep each tag to 32 characters",
      },
    });
  });

  it("refuses a name over 100 characters and a scale outside 0–4", () => {
    expect(checkUserLoraInput(input({ name: "n".repeat(101), scale: 4.5 }))).toEqual({
      ok: false,
      errors: { name: "Keep the name to 100 characters", scale: "Enter a scale from 0 to 4" },
    });
    expect(checkUserLoraInput(input({ scale: -0.1 })).ok).toBe(false);
    expect(checkUserLoraInput(input({ scale: 0 })).ok).toBe(true);
    expect(checkUserLoraInput(input({ scale: 4 })).ok).toBe(true);
  });

  it("refuses paths the endpoint cannot use", () => {
    const errors = (path: string) => {
      const result = checkUserLoraInput(input({ path }));
      return result.ok ? null : result.errors.path;
    };
    expect(errors("")).toBe("Enter the URL of the LoRA's weight file");
    expect(errors("https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA")).toMatch(
      /not the repository page/,
    );
    expect(errors("https://example.com/model.ckpt")).toMatch(/\.ckpt files are not accepted/);
    expect(errors("ftp://example.com/model.safetensors")).toMatch(/http\(s\) URL/);
  });
});

describe("userLoraSchema", () => {
  it("reads a stored LoRA and refuses one without an id or creation time", () => {
    expect(userLoraSchema.parse(userLora())).toEqual(userLora());
    expect(userLoraSchema.safeParse({ ...userLora(), id: "" }).success).toBe(false);
    expect(userLoraSchema.safeParse({ ...userLora(), createdAt: "yesterday" }).success).toBe(false);
  });
});

describe("parseTagList", () => {
  it("splits at commas, trims, lower-cases and drops empty and repeated tags", () => {
    expect(parseTagList(" Style, 3D ,, style,  oil   paint ")).toEqual([
      "style",
      "3d",
      "oil paint",
    ]);
    expect(parseTagList("   ")).toEqual([]);
  });
});
