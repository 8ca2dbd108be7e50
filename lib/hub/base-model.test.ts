import { describe, expect, it } from "vitest";
import { declaredBaseModels, FLUX_DEV, judgeBaseModel, KONTEXT_DEV } from "./base-model";

describe("declaredBaseModels", () => {
  it("merges the card's base models with the Hub's base_model tags", () => {
    expect(
      declaredBaseModels(
        ["black-forest-labs/FLUX.1-Kontext-dev"],
        [
          "lora",
          "base_model:black-forest-labs/FLUX.1-Kontext-dev",
          "base_model:adapter:black-forest-labs/FLUX.1-kontext-dev",
          "base_model:finetune:someone/other",
          "license:other",
        ],
      ),
    ).toEqual(["black-forest-labs/FLUX.1-Kontext-dev", "someone/other"]);
  });
});

describe("judgeBaseModel", () => {
  it("is ok for Kontext [dev], alone, in a list or from an adapter tag", () => {
    expect(judgeBaseModel([KONTEXT_DEV])).toMatchObject({ fit: "kontext", severity: "ok" });
    expect(judgeBaseModel(["someone/x", KONTEXT_DEV.toLowerCase()]).fit).toBe("kontext");
    const fromTag = declaredBaseModels([], [`base_model:adapter:${KONTEXT_DEV}`]);
    expect(judgeBaseModel(fromTag).fit).toBe("kontext");
  });

  it("warns that FLUX.1 [dev] LoRAs may half-work", () => {
    const verdict = judgeBaseModel([FLUX_DEV]);
    expect(verdict).toMatchObject({ fit: "flux-dev", severity: "warning" });
    expect(verdict.message).toMatch(/may half-work/);
  });

  it("says other families will not work", () => {
    const verdict = judgeBaseModel(["stabilityai/stable-diffusion-xl-base-1.0"]);
    expect(verdict).toMatchObject({ fit: "other", severity: "incompatible" });
    expect(verdict.message).toMatch(/stable-diffusion-xl-base-1\.0: it will not work/);
    expect(judgeBaseModel(["black-forest-labs/FLUX.1-schnell"]).fit).toBe("other");
  });

  it("warns when no base model is declared", () => {
    expect(judgeBaseModel([])).toMatchObject({ fit: "unknown", severity: "warning" });
  });
});
