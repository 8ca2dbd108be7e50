import { describe, expect, it } from "vitest";
import { clampScale } from "@/lib/domain/run";
import { LIMITS } from "@/lib/kontext/endpoint";
import { formatScale, formatSize, LORA_SCALE_DESCRIPTION, LORA_SCALE_STEP } from "./format";

describe("formatScale", () => {
  it("shows scales without trailing zeros or float noise", () => {
    expect(formatScale(1)).toBe("1");
    expect(formatScale(0.9)).toBe("0.9");
    expect(formatScale(0.75)).toBe("0.75");
    expect(formatScale(0.05)).toBe("0.05");
    expect(formatScale(0.1 + 0.2)).toBe("0.3");
    expect(formatScale(0)).toBe("0");
  });
});

describe("formatSize", () => {
  it("formats width × height", () => {
    expect(formatSize({ width: 1024, height: 768 })).toBe("1024×768");
    expect(formatSize({ width: 1360, height: 768 })).toBe("1360×768");
  });
});

describe("LoRA scale", () => {
  it("steps on the same grid the store rounds to", () => {
    expect(clampScale(LORA_SCALE_STEP)).toBe(LORA_SCALE_STEP);
    for (const value of [0.03, 0.37, 1.02, 2.49, 3.999]) {
      const steps = clampScale(value) / LORA_SCALE_STEP;
      expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-9);
    }
  });

  it("explains the scale with its range and default from LIMITS", () => {
    expect(LORA_SCALE_DESCRIPTION).toBe("Strength of the LoRA (0–4, default 1); 0 turns it off.");
    expect(LORA_SCALE_DESCRIPTION).toContain(`default ${LIMITS.loraScale.default}`);
  });
});
