import { describe, expect, it } from "vitest";
import { KNOWN_LORAS } from "@/lib/kontext/known-loras";
import { normalizeLoraPath } from "./lora-path";

describe("normalizeLoraPath", () => {
  it("turns a Hugging Face blob link into the resolve link of the file", () => {
    expect(
      normalizeLoraPath(
        " https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/blob/main/plushie.safetensors ",
      ),
    ).toEqual({
      ok: true,
      path: "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie.safetensors",
    });
  });

  it("handles dataset repositories too", () => {
    expect(
      normalizeLoraPath("https://huggingface.co/datasets/o/r/blob/main/x.safetensors"),
    ).toEqual({
      ok: true,
      path: "https://huggingface.co/datasets/o/r/resolve/main/x.safetensors",
    });
    expect(
      normalizeLoraPath("https://huggingface.co/datasets/o/r/resolve/main/x.safetensors").ok,
    ).toBe(true);
    expect(normalizeLoraPath("https://huggingface.co/datasets/o/r").ok).toBe(false);
  });

  it("keeps resolve links, query strings and other hosts as they are", () => {
    for (const path of [
      "https://huggingface.co/a/b/resolve/main/x.safetensors?download=true",
      "https://v3.fal.media/files/koala/abc_adapter.safetensors",
      "https://civitai.com/api/download/models/12345",
    ]) {
      expect(normalizeLoraPath(path)).toEqual({ ok: true, path });
    }
  });

  it("accepts every built-in LoRA unchanged", () => {
    for (const lora of KNOWN_LORAS)
      expect(normalizeLoraPath(lora.path)).toEqual({ ok: true, path: lora.path });
  });

  it.each([
    ["", /Enter the URL/],
    ["   ", /Enter the URL/],
    ["fal/Plushie-Kontext-Dev-LoRA", /resolve\/main\/<file>\.safetensors/],
    ["not a url", /contains spaces/],
    ["plushie.safetensors", /http\(s\) URL/],
    ["ftp://example.com/x.safetensors", /http\(s\) URL/],
    ["https://example.com/model.ckpt", /\.ckpt files are not accepted/],
    ["https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA", /not the repository page/],
    ["https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/tree/main", /not the repository page/],
    [`https://example.com/${"a".repeat(2100)}`, /longer than 2048/],
  ])("refuses %j", (input, message) => {
    const result = normalizeLoraPath(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
