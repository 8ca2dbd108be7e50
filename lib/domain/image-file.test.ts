import { describe, expect, it } from "vitest";
import { autoSize, matchInputSize } from "@/lib/kontext/resolution";
import { checkImageFile, checkImageSize, DOWNSCALE_TARGET_AREA, planDownscale } from "./image-file";
import { MAX_IMAGE_FILE_BYTES } from "./image-types";
import { formatBytes } from "./text";

describe("checkImageFile", () => {
  it.each([
    ["photo.jpg", "image/jpeg"],
    ["photo.png", "image/png"],
    ["photo.webp", "image/webp"],
    ["anim.gif", "image/gif"],
    ["photo.avif", "image/avif"],
    ["photo.avif", ""],
  ])("accepts %s (%s)", (name, type) => {
    expect(checkImageFile({ name, type, size: 1000 })).toBeNull();
  });

  it.each([
    ["notes.txt", "text/plain", 10, /not a supported image \(text\/plain\)/],
    ["logo.svg", "image/svg+xml", 10, /not a supported image \(image\/svg\+xml\)/],
    ["scan.tiff", "image/tiff", 10, /not a supported image/],
    ["mystery", "", 10, /not a supported image \(this file\)/],
    ["empty.png", "image/png", 0, /is empty \(0 bytes\)/],
    ["huge.jpg", "image/jpeg", MAX_IMAGE_FILE_BYTES + 1, /50\.0 MB; the limit is 50\.0 MB/],
  ])("refuses %s with a reason", (name, type, size, message) => {
    expect(checkImageFile({ name, type, size })).toMatch(message);
  });
});

describe("checkImageSize", () => {
  it("allows sides up to 14,142 px and names the size beyond", () => {
    expect(checkImageSize({ width: 14_142, height: 100 })).toBeNull();
    expect(checkImageSize({ width: 20_000, height: 100 })).toBe(
      "The image is 20000×100 px; the largest side allowed is 14,142 px",
    );
  });
});

describe("planDownscale", () => {
  it("leaves images at or below the target area alone", () => {
    expect(planDownscale({ width: 1920, height: 1080 })).toBeNull();
    expect(planDownscale({ width: 1024, height: 3072 })).toBeNull();
  });

  it.each([
    [4032, 3024],
    [6000, 4000],
    [8192, 5464],
    [14_142, 14_142],
    [3000, 7000],
    [12_000, 2000],
    [4000, 1715],
    [2049, 1537],
  ])("shrinks %d×%d without changing the output of auto or match_input", (width, height) => {
    const original = { width, height };
    const plan = planDownscale(original);
    expect(plan).not.toBeNull();
    if (!plan) return;
    expect(plan.width * plan.height).toBeLessThan(width * height);
    expect(plan.width * plan.height).toBeGreaterThanOrEqual(DOWNSCALE_TARGET_AREA * 0.99);
    expect(Math.abs(plan.width / plan.height - width / height)).toBeLessThan(0.01);
    expect(autoSize(plan)).toEqual(autoSize(original));
    expect(matchInputSize(plan)).toEqual(matchInputSize(original));
  });
});

describe("formatBytes", () => {
  it("uses decimal units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(830_000)).toBe("830 KB");
    expect(formatBytes(1_234_567)).toBe("1.2 MB");
  });
});
