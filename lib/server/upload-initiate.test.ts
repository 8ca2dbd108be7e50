import { describe, expect, it } from "vitest";
import { parseUploadInitiate } from "./upload-initiate";

describe("parseUploadInitiate", () => {
  it("takes the content type and an optional file name", () => {
    expect(parseUploadInitiate({ content_type: "image/png", file_name: "a.png" })).toEqual({
      ok: true,
      contentType: "image/png",
      fileName: "a.png",
    });
    expect(parseUploadInitiate({ content_type: "image/png" })).toEqual({
      ok: true,
      contentType: "image/png",
      fileName: undefined,
    });
  });

  it("names each field that is wrong", () => {
    const result = parseUploadInitiate({ content_type: 5, file_name: ["x"] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.loc)).toEqual([
      ["body", "content_type"],
      ["body", "file_name"],
    ]);
    expect(parseUploadInitiate(null).ok).toBe(false);
    expect(parseUploadInitiate({ content_type: "x".repeat(256) }).ok).toBe(false);
  });
});
