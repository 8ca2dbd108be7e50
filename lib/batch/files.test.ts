import { describe, expect, it } from "vitest";
import { describeRefused, screenFiles, sha256Hex, sniffImageType } from "./files";
import {
  avifBytes,
  fileOf,
  gifBytes,
  heicBytes,
  jpegBytes,
  pdfBytes,
  pngBytes,
  webpBytes,
} from "./test-support";

const candidate = (name: string, data: Uint8Array) => ({ name, blob: fileOf(name, data) });

describe("sniffImageType", () => {
  it("recognises JPEG, PNG, GIF, WebP and AVIF by their bytes", () => {
    expect(sniffImageType(jpegBytes())).toBe("image/jpeg");
    expect(sniffImageType(pngBytes())).toBe("image/png");
    expect(sniffImageType(gifBytes())).toBe("image/gif");
    expect(sniffImageType(webpBytes())).toBe("image/webp");
    expect(sniffImageType(avifBytes())).toBe("image/avif");
  });

  it("answers null for PDF, HEIC, text and nothing", () => {
    expect(sniffImageType(pdfBytes())).toBeNull();
    expect(sniffImageType(heicBytes())).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("<svg xmlns="))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe("screenFiles", () => {
  it("keeps images whatever their names say and refuses non-images whatever their names say", async () => {
    const result = await screenFiles([
      candidate("chair.bin", pngBytes(1)),
      candidate("invoice.jpg", pdfBytes()),
      candidate("lamp.jpeg", jpegBytes(2)),
    ]);
    expect(result.accepted.map((file) => [file.name, file.type])).toEqual([
      ["chair.bin", "image/png"],
      ["lamp.jpeg", "image/jpeg"],
    ]);
    expect(result.refused).toEqual([
      { name: "invoice.jpg", reason: "not an image (JPEG, PNG, WebP, GIF or AVIF)" },
    ]);
  });

  it("refuses duplicates by their bytes, naming the file they repeat, and empty files", async () => {
    const result = await screenFiles([
      candidate("a.png", pngBytes(7)),
      candidate("copy of a.png", pngBytes(7)),
      candidate("b.png", pngBytes(8)),
      candidate("empty.png", new Uint8Array()),
    ]);
    expect(result.accepted.map((file) => file.name)).toEqual(["a.png", "b.png"]);
    expect(result.refused.map(describeRefused)).toEqual([
      "copy of a.png: the same image as a.png",
      "empty.png: empty (0 bytes)",
    ]);
  });

  it("refuses bytes already in the batch", async () => {
    const hash = await sha256Hex(pngBytes(3));
    const result = await screenFiles([candidate("again.png", pngBytes(3))], {
      known: new Map([[hash, "first.png"]]),
    });
    expect(result.accepted).toEqual([]);
    expect(result.refused).toEqual([{ name: "again.png", reason: "the same image as first.png" }]);
  });

  it("refuses files over the size limit without reading them", async () => {
    const big = new Uint8Array(2_000);
    big.set(pngBytes());
    const result = await screenFiles([candidate("big.png", big)], { maxBytes: 1_000 });
    expect(result.refused).toEqual([{ name: "big.png", reason: "2 KB; the limit is 1 KB" }]);
  });

  it("takes no more than the batch has room for and lists the rest", async () => {
    const result = await screenFiles(
      [candidate("1.png", pngBytes(1)), candidate("2.png", pngBytes(2))],
      { max: 1 },
    );
    expect(result.accepted.map((file) => file.name)).toEqual(["1.png"]);
    expect(result.refused).toEqual([{ name: "2.png", reason: "over the 500-image limit" }]);
  });

  it("gives each kept file its SHA-256, its size and a blob typed by its bytes", async () => {
    const result = await screenFiles([candidate("x", jpegBytes(5))]);
    const [file] = result.accepted;
    expect(file?.hash).toBe(await sha256Hex(jpegBytes(5)));
    expect(file?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(file?.bytes).toBe(jpegBytes(5).length);
    expect(file?.blob.type).toBe("image/jpeg");
  });
});
