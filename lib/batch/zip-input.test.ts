import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { jpegBytes, pdfBytes, pngBytes } from "./test-support";
import { MAX_ZIP_INPUT_ENTRIES, readZipImages } from "./zip-input";

describe("readZipImages", () => {
  it("reads the images, screens the rest and skips folders and system files silently", async () => {
    const zip = zipSync({
      "products/": new Uint8Array(),
      "products/chair-003.jpg": jpegBytes(1),
      "products/lamp.png": pngBytes(2),
      "products/lamp-copy.png": pngBytes(2),
      "products/notes.pdf": pdfBytes(),
      "__MACOSX/products/._chair-003.jpg": jpegBytes(9),
      "products/.DS_Store": new Uint8Array([0, 0, 0, 1]),
    });
    const result = await readZipImages(zip);
    if (!result.ok) throw new Error(result.message);
    expect(result.accepted.map((file) => file.name)).toEqual([
      "products/chair-003.jpg",
      "products/lamp.png",
    ]);
    expect(result.refused).toEqual([
      { name: "products/lamp-copy.png", reason: "the same image as products/lamp.png" },
      { name: "products/notes.pdf", reason: "not an image (JPEG, PNG, WebP, GIF or AVIF)" },
    ]);
  });

  it("refuses entries over the size limit from the directory", async () => {
    const big = new Uint8Array(5_000);
    big.set(pngBytes());
    const result = await readZipImages(zipSync({ "big.png": big, "ok.png": pngBytes(1) }), {
      maxBytes: 1_000,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.accepted.map((file) => file.name)).toEqual(["ok.png"]);
    expect(result.refused).toEqual([{ name: "big.png", reason: "5 KB; the limit is 1 KB" }]);
  });

  it("refuses bytes that are not a zip", async () => {
    expect(await readZipImages(pngBytes())).toEqual({
      ok: false,
      message: "The file is not a valid zip archive",
    });
  });

  it("refuses a zip with too many entries", async () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_ZIP_INPUT_ENTRIES; i++) entries[`f${i}.txt`] = new Uint8Array();
    const result = await readZipImages(zipSync(entries));
    expect(result).toEqual({ ok: false, message: "The zip has more than 5,000 files" });
  });
});
