import { describe, expect, it } from "vitest";
import { describeImageSource } from "./image-details";

const file = { source: "file" as const, originalSize: null };

describe("describeImageSource", () => {
  it("shows the original and uploaded sizes of a downscaled photo", () => {
    expect(
      describeImageSource({
        ...file,
        originalBytes: 12_300_000,
        uploadBytes: 1_900_000,
        originalSize: { width: 6000, height: 4000 },
      }),
    ).toBe("Original 12.3 MB → uploaded 1.9 MB (downscaled from 6000×4000)");
  });

  it("shows the file size of a photo sent as it is", () => {
    expect(describeImageSource({ ...file, originalBytes: 830_000, uploadBytes: 830_000 })).toBe(
      "830 KB",
    );
    expect(describeImageSource({ ...file, originalBytes: null, uploadBytes: null })).toBe("");
  });

  it("names URL and previous-result inputs", () => {
    const rest = { originalBytes: null, uploadBytes: null, originalSize: null };
    expect(describeImageSource({ ...rest, source: "url" })).toBe("From URL");
    expect(describeImageSource({ ...rest, source: "result" })).toBe("From a previous result");
  });
});
