import { describe, expect, it } from "vitest";
import { chooseWeightFile, formatSize, MAX_LORA_BYTES } from "./files";

const where = { origin: "https://huggingface.co", repoId: "fal/X", revision: "main" };
const MB = 1_000_000;

describe("chooseWeightFile", () => {
  it("chooses the only .safetensors file and gives its URL", () => {
    const choice = chooseWeightFile(
      [
        { path: "README.md", size: 3_000 },
        { path: "lora.safetensors", size: 300 * MB },
        { path: "images/a.png", size: 1_000 },
      ],
      where,
    );
    expect(choice.chosen).toBe("lora.safetensors");
    expect(choice.reason).toBe("The only usable .safetensors file");
    expect(choice.files).toEqual([
      {
        path: "lora.safetensors",
        size: 300 * MB,
        url: "https://huggingface.co/fal/X/resolve/main/lora.safetensors",
      },
    ]);
  });

  it("prefers a top-level final file over checkpoints in folders, and explains it", () => {
    const choice = chooseWeightFile(
      [
        { path: "checkpoints/step-500.safetensors", size: 150 * MB },
        { path: "my_lora-000010.safetensors", size: 150 * MB },
        { path: "my_lora.safetensors", size: 150 * MB },
        { path: "extra/alt.safetensors", size: 150 * MB },
      ],
      where,
    );
    expect(choice.chosen).toBe("my_lora.safetensors");
    expect(choice.reason).toMatch(/Chosen from 4 \.safetensors files/);
    expect(choice.reason).toMatch(/top of the repository, not an intermediate checkpoint/);
    expect(choice.files.map((file) => file.path)).toEqual([
      "my_lora.safetensors",
      "my_lora-000010.safetensors",
      "extra/alt.safetensors",
      "checkpoints/step-500.safetensors",
    ]);
  });

  it("refuses files too large to be a LoRA, and other formats, with the reason", () => {
    const choice = chooseWeightFile(
      [
        { path: "flux1-kontext-dev.safetensors", size: 23_800 * MB },
        { path: "old.ckpt", size: 100 * MB },
        { path: "adapter.bin", size: 100 * MB },
        { path: "empty.safetensors", size: 0 },
      ],
      where,
    );
    expect(choice.chosen).toBeNull();
    expect(choice.reason).toBe("None of the repository's weight files can be used as a LoRA");
    const refusals = Object.fromEntries(choice.files.map((file) => [file.path, file.refusal]));
    expect(refusals["flux1-kontext-dev.safetensors"]).toMatch(
      /23\.8 GB, too large to be a LoRA \(the limit is 2\.1 GB\)/,
    );
    expect(refusals["old.ckpt"]).toMatch(/not a \.safetensors file/);
    expect(refusals["adapter.bin"]).toMatch(/not a \.safetensors file/);
    expect(refusals["empty.safetensors"]).toMatch(/is empty/);
  });

  it("accepts a file exactly at the limit and refuses one byte more", () => {
    const choice = chooseWeightFile(
      [
        { path: "a.safetensors", size: MAX_LORA_BYTES },
        { path: "b.safetensors", size: MAX_LORA_BYTES + 1 },
      ],
      where,
    );
    expect(choice.files.find((f) => f.path === "a.safetensors")?.refusal).toBeUndefined();
    expect(choice.files.find((f) => f.path === "b.safetensors")?.refusal).toMatch(/too large/);
  });

  it("gives the single refused file's reason when it is the only one", () => {
    const choice = chooseWeightFile([{ path: "model.ckpt", size: 10 }], where);
    expect(choice.chosen).toBeNull();
    expect(choice.reason).toMatch(/model\.ckpt is not a \.safetensors file/);
  });

  it("says when there is no weight file at all", () => {
    const choice = chooseWeightFile([{ path: "README.md", size: 10 }], where);
    expect(choice).toEqual({
      files: [],
      chosen: null,
      reason: "The repository has no .safetensors file",
    });
  });

  it("chooses the file named in the link, or says why it cannot", () => {
    const files = [
      { path: "a.safetensors", size: 10 * MB },
      { path: "sub/b.safetensors", size: 10 * MB },
      { path: "big.safetensors", size: 5_000 * MB },
    ];
    expect(chooseWeightFile(files, where, "sub/b.safetensors")).toMatchObject({
      chosen: "sub/b.safetensors",
      reason: "The file named in the link",
    });
    expect(chooseWeightFile(files, where, "big.safetensors")).toMatchObject({
      chosen: null,
      reason: expect.stringMatching(/too large/),
    });
    expect(chooseWeightFile(files, where, "gone.safetensors")).toMatchObject({
      chosen: null,
      reason: "The linked file gone.safetensors is not in the repository",
    });
    expect(chooseWeightFile(files, where, "README.md")).toMatchObject({
      chosen: null,
      reason: "The linked file README.md is not a .safetensors weight file",
    });
  });

  it("percent-encodes paths and revisions in the URL", () => {
    const choice = chooseWeightFile([{ path: "my dir/lora #1.safetensors", size: 10 }], {
      ...where,
      revision: "refs/pr/2",
    });
    expect(choice.files[0]?.url).toBe(
      "https://huggingface.co/fal/X/resolve/refs%2Fpr%2F2/my%20dir/lora%20%231.safetensors",
    );
  });

  it("refuses a file whose URL would be longer than the playground sends", () => {
    const choice = chooseWeightFile(
      [{ path: `${"d/".repeat(1_100)}x.safetensors`, size: 10 }],
      where,
    );
    expect(choice.chosen).toBeNull();
    expect(choice.files[0]?.refusal).toMatch(/longer than/);
  });
});

describe("formatSize", () => {
  it("uses SI units as the Hub does", () => {
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(45_000)).toBe("45 kB");
    expect(formatSize(306_000_000)).toBe("306 MB");
    expect(formatSize(23_800_000_000)).toBe("23.8 GB");
  });
});
