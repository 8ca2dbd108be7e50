import { describe, expect, it } from "vitest";
import { formatBinaryBytes, formatBytes, formatCount } from "./text";

describe("formatBinaryBytes", () => {
  it("states limits in exact binary units, or in bytes when they are not whole", () => {
    expect(formatBinaryBytes(64 * 1024 * 1024)).toBe("64 MiB");
    expect(formatBinaryBytes(4 * 1024 * 1024)).toBe("4 MiB");
    expect(formatBinaryBytes(16 * 1024)).toBe("16 KiB");
    expect(formatBinaryBytes(1536 * 1024)).toBe("1536 KiB");
    expect(formatBinaryBytes(1000)).toBe("1000 bytes");
  });
});

describe("formatBytes", () => {
  it("shows sizes in decimal units, as file managers do", () => {
    expect(formatBytes(1_234_567)).toBe("1.2 MB");
    expect(formatBytes(830_000)).toBe("830 KB");
    expect(formatBytes(512)).toBe("512 B");
  });
});

describe("formatCount", () => {
  it("writes whole numbers with thousands separators, as en-US does", () => {
    for (const value of [0, 7, 999, 1000, 5000, 12_345, 999_999, 1_000_000, 1_234_567_890, -4321]) {
      expect(formatCount(value)).toBe(value.toLocaleString("en-US"));
    }
    expect(formatCount(1234.6)).toBe("1,235");
  });
});
