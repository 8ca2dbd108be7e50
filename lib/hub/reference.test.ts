import { describe, expect, it } from "vitest";
import { isValidRepoId, parseHubReference } from "./reference";

const ok = (raw: string, extraHosts?: string[]) => {
  const result = parseHubReference(raw, extraHosts);
  if (!result.ok) throw new Error(`expected ok for ${raw}: ${result.message}`);
  return result.ref;
};
const refused = (raw: string) => {
  const result = parseHubReference(raw);
  if (result.ok) throw new Error(`expected a refusal for ${raw}`);
  return result.message;
};

describe("parseHubReference", () => {
  it("reads owner/name", () => {
    expect(ok("fal/Plushie-Kontext-Dev-LoRA")).toEqual({ repoId: "fal/Plushie-Kontext-Dev-LoRA" });
    expect(ok("  Owen777/Kontext-Style-Loras \n")).toEqual({
      repoId: "Owen777/Kontext-Style-Loras",
    });
  });

  it.each([
    "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA",
    "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/",
    "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA?library=diffusers#usage",
    "https://www.huggingface.co/fal/Plushie-Kontext-Dev-LoRA",
    "https://hf.co/fal/Plushie-Kontext-Dev-LoRA",
    "huggingface.co/fal/Plushie-Kontext-Dev-LoRA",
    "http://huggingface.co/fal/Plushie-Kontext-Dev-LoRA",
    "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/discussions/3",
  ])("reads the model page URL %s", (raw) => {
    expect(ok(raw)).toEqual({ repoId: "fal/Plushie-Kontext-Dev-LoRA" });
  });

  it("reads the revision of a /tree/ URL, with or without a folder", () => {
    expect(ok("https://huggingface.co/fal/X/tree/main")).toEqual({
      repoId: "fal/X",
      revision: "main",
    });
    expect(ok("https://huggingface.co/fal/X/tree/v1.0/images")).toEqual({
      repoId: "fal/X",
      revision: "v1.0",
    });
    expect(ok("https://huggingface.co/fal/X/tree/refs%2Fpr%2F2")).toEqual({
      repoId: "fal/X",
      revision: "refs/pr/2",
    });
  });

  it.each(["blob", "resolve"])("reads the revision and file of a /%s/ URL", (kind) => {
    expect(ok(`https://huggingface.co/fal/X/${kind}/main/lora.safetensors`)).toEqual({
      repoId: "fal/X",
      revision: "main",
      file: "lora.safetensors",
    });
    expect(
      ok(
        `https://huggingface.co/fal/X/${kind}/abc123/sub%20dir/my%20lora.safetensors?download=true`,
      ),
    ).toEqual({
      repoId: "fal/X",
      revision: "abc123",
      file: "sub dir/my lora.safetensors",
    });
  });

  it("lets the URL parser resolve dot segments, so they never reach a file path", () => {
    expect(ok("https://huggingface.co/fal/x/resolve/main/../../etc/passwd")).toEqual({
      repoId: "fal/x",
    });
  });

  it("accepts the configured mirror's host", () => {
    expect(ok("http://127.0.0.1:4000/fal/X", ["127.0.0.1:4000"])).toEqual({ repoId: "fal/X" });
    expect(parseHubReference("http://127.0.0.1:4000/fal/X").ok).toBe(false);
  });

  it.each([
    ["", /Enter a Hugging Face model/],
    ["Plushie", /owner\/name/],
    ["fal/Plushie/extra", /not a valid model id/],
    ["-fal/x", /not a valid model id/],
    ["fal/x-", /not a valid model id/],
    ["fal/.x", /not a valid model id/],
    ["fal/a--b", /not a valid model id/],
    ["fal/a..b", /not a valid model id/],
    ["fal/x.git", /not a valid model id/],
    ["fal/x%2F..", /not a valid model id/],
    ["fal/<script>", /not a valid model id/],
    ["fal/ünïcode", /not a valid model id/],
    [`fal/${"a".repeat(97)}`, /not a valid model id/],
    ["fal/x y", /spaces/],
    ["https://evil.example.com/fal/x", /not the Hugging Face Hub/],
    ["https://huggingface.co.evil.example/fal/x", /not the Hugging Face Hub/],
    ["ftp://huggingface.co/fal/x", /https/],
    ["https://user:pw@huggingface.co/fal/x", /credentials/],
    ["https://huggingface.co/datasets/fal/x", /dataset or a Space/],
    ["https://huggingface.co/spaces/fal/x", /dataset or a Space/],
    ["https://huggingface.co/fal", /names no model/],
    ["https://huggingface.co/fal/x/blob/main", /needs a revision and a file/],
    [
      "https://huggingface.co/fal/x/resolve/main/a%2F..%2F..%2Fb.safetensors",
      /file path is not valid/,
    ],
    ["https://huggingface.co/fal/x/resolve/main/a%2F%2Fb.safetensors", /file path is not valid/],
    ["https://huggingface.co/fal/x/resolve/ma..in/a.safetensors", /revision is not valid/],
    ["https://huggingface.co/fal/x/resolve/main/%E0%A4%A", /not correctly encoded/],
    [`https://huggingface.co/fal/x${"x".repeat(2_100)}`.slice(0, 2_100), /longer than/],
  ])("refuses bad reference %#", (raw, message) => {
    expect(refused(raw)).toMatch(message);
  });
});

describe("isValidRepoId", () => {
  it("follows the Hub's rules", () => {
    expect(isValidRepoId("black-forest-labs/FLUX.1-Kontext-dev")).toBe(true);
    expect(isValidRepoId("a/b")).toBe(true);
    expect(isValidRepoId("_a/b_")).toBe(true);
    expect(isValidRepoId(`${"a".repeat(96)}/b`)).toBe(true);
    expect(isValidRepoId("a/b/c")).toBe(false);
    expect(isValidRepoId("a")).toBe(false);
    expect(isValidRepoId("/b")).toBe(false);
    expect(isValidRepoId("a/.b")).toBe(false);
    expect(isValidRepoId("a/b.")).toBe(false);
    expect(isValidRepoId("a/b--c")).toBe(false);
  });
});
