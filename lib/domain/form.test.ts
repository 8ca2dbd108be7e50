import { describe, expect, it } from "vitest";
import { kontextInputSchema } from "@/lib/kontext/schema";
import { checkForm } from "./form-check";
import { inFormWords, mapServerFieldErrors } from "./form-words";
import type { InputImage } from "./run";
import { DEFAULT_SETTINGS } from "./settings";

const image: InputImage = {
  source: "url",
  name: "photo.png",
  previewUrl: "https://example.com/photo.png",
  width: 800,
  height: 600,
  originalBytes: null,
  uploadBytes: null,
  originalSize: null,
  file: null,
  originalFile: null,
  remoteUrl: "https://example.com/photo.png",
  parentRunId: null,
};

describe("inFormWords", () => {
  it("names a field by its label in the form, not its API name", () => {
    expect(inFormWords("num_inference_steps must be at most 50")).toBe("Steps must be at most 50");
    expect(inFormWords("guidance_scale must be at least 0")).toBe("Guidance must be at least 0");
    expect(inFormWords("num_images must be a whole number")).toBe(
      "Number of images must be a whole number",
    );
    expect(inFormWords("image_url must use http or https, not ftp")).toBe(
      "Image URL must use http or https, not ftp",
    );
    expect(inFormWords("scale must be at most 4")).toBe("Scale must be at most 4");
  });

  it("says what to do for a missing prompt, and leaves other messages alone", () => {
    expect(inFormWords("prompt is required")).toBe(
      "Write a prompt: say what to change in the image",
    );
    expect(inFormWords("Input should be less than or equal to 50")).toBe(
      "Input should be less than or equal to 50",
    );
    expect(inFormWords("unknown_field must be odd")).toBe("unknown_field must be odd");
  });

  it("leaves no API field name in any range message of the schema", () => {
    const { seedMode: _mode, ...settings } = DEFAULT_SETTINGS;
    const tooHigh = kontextInputSchema.safeParse({
      image_url: "https://example.com/a.png",
      prompt: "x",
      ...settings,
      num_inference_steps: 500,
      guidance_scale: 500,
      num_images: 50,
      seed: -1,
    });
    expect(tooHigh.success).toBe(false);
    for (const issue of tooHigh.error?.issues ?? []) {
      expect(inFormWords(issue.message)).not.toMatch(/[a-z]+_[a-z]+/);
    }
  });
});

describe("checkForm messages", () => {
  it("reports range errors in the form's words", () => {
    const { fieldErrors } = checkForm({
      image,
      prompt: "",
      loras: [],
      settings: { ...DEFAULT_SETTINGS, num_inference_steps: 60, guidance_scale: 21 },
    });
    expect(fieldErrors).toEqual({
      prompt: "Write a prompt: say what to change in the image",
      num_inference_steps: "Steps must be at most 50",
      guidance_scale: "Guidance must be at most 20",
    });
  });

  it("puts the server's field errors in the form's words too", () => {
    const { matched } = mapServerFieldErrors(
      { num_inference_steps: "num_inference_steps must be at most 50" },
      [],
      [],
    );
    expect(matched).toEqual({ num_inference_steps: "Steps must be at most 50" });
  });
});
