import { describe, expect, it } from "vitest";
import { judgeBaseModel } from "./base-model";
import { libraryInputFromHub } from "./library-entry";
import type { HubModelDetails } from "./types";

const details: HubModelDetails = {
  id: "fal/Plushie-Kontext-Dev-LoRA",
  pageUrl: "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA",
  revision: "main",
  downloads: 1,
  likes: 1,
  gated: false,
  private: false,
  trigger: { text: "Convert to plushie style", source: "instance_prompt" },
  triggerNote: "From the card's instance_prompt",
  widgetPrompts: [],
  licence: { id: "other", name: "flux-1-dev-non-commercial-license" },
  baseModel: judgeBaseModel(["black-forest-labs/FLUX.1-Kontext-dev"]),
  weights: {
    chosen: "plushie.safetensors",
    reason: "The only usable .safetensors file",
    files: [
      {
        path: "plushie.safetensors",
        size: 10,
        url: "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie.safetensors",
      },
      {
        path: "full.safetensors",
        size: 9e10,
        url: "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/full.safetensors",
        refusal: "full.safetensors is too large",
      },
    ],
  },
  exampleImages: [],
  card: { source: "readme" },
  warnings: [],
};

describe("libraryInputFromHub", () => {
  it("saves the chosen file with its trigger, licence and source", () => {
    expect(libraryInputFromHub(details)).toEqual({
      ok: true,
      value: {
        name: "Plushie-Kontext-Dev-LoRA",
        path: "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie.safetensors",
        trigger: "Convert to plushie style",
        scale: 1,
        notes:
          "From https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA\nLicence: flux-1-dev-non-commercial-license",
        tags: ["hugging face"],
      },
    });
  });

  it("saves an empty trigger when the card has none, and notes a base-model warning", () => {
    const result = libraryInputFromHub({
      ...details,
      trigger: null,
      licence: null,
      baseModel: judgeBaseModel(["black-forest-labs/FLUX.1-dev"]),
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.trigger).toBe("");
    expect(result.value.notes).toMatch(/Licence: not stated\nMade for FLUX\.1 \[dev\]/);
  });

  it("refuses a refused file or none, with the reason", () => {
    expect(libraryInputFromHub(details, "full.safetensors")).toEqual({
      ok: false,
      message: "full.safetensors is too large",
    });
    expect(
      libraryInputFromHub({
        ...details,
        weights: { files: [], chosen: null, reason: "The repository has no .safetensors file" },
      }),
    ).toEqual({ ok: false, message: "The repository has no .safetensors file" });
  });
});
