import { describe, expect, it } from "vitest";
import { openedFileKind } from "./opened-file";
import { PNG_SIGNATURE } from "./png-signature";

const JPEG_HEAD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const ZIP_HEAD = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]);
const PNG_HEAD = new Uint8Array(PNG_SIGNATURE);
const kind = (name: string, type: string, head: Uint8Array) => openedFileKind({ name, type }, head);

describe("openedFileKind", () => {
  it("takes a zip by its bytes, its type or its name, whatever else it says", () => {
    expect(kind("runs.bin", "", ZIP_HEAD)).toBe("zip");
    expect(kind("runs", "application/x-zip-compressed", JPEG_HEAD)).toBe("zip");
    expect(kind("runs.ZIP", "image/png", PNG_HEAD)).toBe("zip");
  });

  it("takes JSON by its type or its name", () => {
    expect(kind("settings", "application/json", new Uint8Array([0x7b]))).toBe("json");
    expect(kind("library.json", "", new Uint8Array([0x7b]))).toBe("json");
  });

  it("takes a PNG by its signature, and anything else for a plain image", () => {
    expect(kind("photo", "", PNG_HEAD)).toBe("png");
    expect(kind("photo.png", "image/png", JPEG_HEAD)).toBe("image");
    expect(kind("photo.jpg", "image/jpeg", JPEG_HEAD)).toBe("image");
    expect(kind("empty", "", new Uint8Array())).toBe("image");
  });
});
