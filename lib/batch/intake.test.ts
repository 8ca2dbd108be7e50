import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { addToGathered, type PendingBatchInput, readImageList, sortDroppedFiles } from "./intake";
import { MAX_BATCH_ITEMS } from "./list";
import { fileOf, jpegBytes, pdfBytes, pngBytes, urlInput } from "./test-support";

const pendingUrl = (url: string): PendingBatchInput => ({
  key: url,
  input: urlInput(url),
  prompt: null,
  blob: null,
});

describe("sortDroppedFiles", () => {
  it("unpacks zips, sets lists apart and names files in a folder by their path", async () => {
    const zip = fileOf("shots.zip", zipSync({ "a.jpg": jpegBytes(1), "b.pdf": pdfBytes() }));
    const list = new File(["https://a.example/1.jpg"], "urls.txt", { type: "text/plain" });
    const inFolder = fileOf("c.png", pngBytes(3));
    Object.defineProperty(inFolder, "webkitRelativePath", { value: "catalogue/c.png" });
    const sorted = await sortDroppedFiles([zip, list, inFolder, fileOf("bad.zip", pdfBytes())]);
    expect(sorted.images.map((image) => image.name)).toEqual(["a.jpg", "catalogue/c.png"]);
    expect(sorted.lists.map((file) => file.name)).toEqual(["urls.txt"]);
    expect(sorted.problems).toEqual([
      "b.pdf: not an image (JPEG, PNG, WebP, GIF or AVIF)",
      "bad.zip: The file is not a valid zip archive",
    ]);
  });

  it("takes a PNG named .txt as an image, not a list", async () => {
    const sorted = await sortDroppedFiles([fileOf("odd.txt", pngBytes(1), "text/plain")]);
    expect(sorted.images.map((image) => image.name)).toEqual(["odd.txt"]);
    expect(sorted.lists).toEqual([]);
  });
});

describe("readImageList", () => {
  it("leaves room only for what the batch can still take, not counting file rows", async () => {
    const gathered = Array.from({ length: MAX_BATCH_ITEMS - 1 }, (_, i) =>
      pendingUrl(`https://a.example/have-${i}.jpg`),
    );
    const intake = await readImageList(
      "https://a.example/new-1.jpg\nhttps://a.example/new-2.jpg",
      gathered,
      { probeUrl: async () => ({ width: 10, height: 10 }) },
    );
    expect(intake.inputs.map((input) => input.key)).toEqual(["https://a.example/new-1.jpg"]);
    expect(intake.problems).toEqual(["Line 2: over the 500-image limit (1 left out)"]);
  });
});

describe("addToGathered", () => {
  it("adds new inputs and lists those already gathered and those over the limit", () => {
    const gathered = [pendingUrl("https://a.example/1.jpg")];
    const merged = addToGathered(gathered, {
      inputs: [pendingUrl("https://a.example/1.jpg"), pendingUrl("https://a.example/2.jpg")],
      problems: ["Line 9: not an http(s) URL"],
    });
    expect(merged.inputs.map((input) => input.key)).toEqual([
      "https://a.example/1.jpg",
      "https://a.example/2.jpg",
    ]);
    expect(merged.problems).toEqual([
      "Line 9: not an http(s) URL",
      "https://a.example/1.jpg: already in the batch",
    ]);
    const full = Array.from({ length: MAX_BATCH_ITEMS }, (_, i) => pendingUrl(`https://x/${i}`));
    expect(
      addToGathered(full, { inputs: [pendingUrl("https://y/1")], problems: [] }).problems,
    ).toEqual(["https://y/1: over the 500-image limit"]);
  });
});
