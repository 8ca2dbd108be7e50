import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import {
  ACCELERATIONS,
  LIMITS,
  OUTPUT_FORMATS,
  PLAYGROUND_LIMITS,
  RESOLUTION_MODES,
} from "@/lib/kontext/endpoint";
import type { Settings } from "@/lib/store/types";
import {
  integerRange,
  optionText,
  parseNumberText,
  randomSeed,
  SETTING_INFO,
  type SettingKey,
  syncNumberText,
} from "./setting-info";

describe("SETTING_INFO", () => {
  it("covers every setting but seedMode", () => {
    const keys = Object.keys(DEFAULT_SETTINGS).filter((key) => key !== "seedMode");
    expect(Object.keys(SETTING_INFO).sort()).toEqual(keys.sort());
  });

  it.each([
    ["num_inference_steps", LIMITS.steps],
    ["guidance_scale", LIMITS.guidance],
    ["num_images", LIMITS.numImages],
  ] as const)("takes %s's range and default from LIMITS", (key, limits) => {
    const info = SETTING_INFO[key];
    expect({ min: info.min, max: info.max, default: info.default }).toEqual(limits);
    expect(info.default).toBe(DEFAULT_SETTINGS[key]);
  });

  it("accepts seeds from 0 to 2³² − 1 and defaults to the store's seed", () => {
    const { seed } = SETTING_INFO;
    expect([seed.min, seed.max]).toEqual([0, PLAYGROUND_LIMITS.maxSeed]);
    expect(seed.max).toBe(4_294_967_295);
    expect(seed.default).toBe(DEFAULT_SETTINGS.seed);
    expect(seed.integer).toBe(true);
  });

  it("uses the store's defaults for every setting", () => {
    for (const [key, info] of Object.entries(SETTING_INFO)) {
      expect(info.default).toBe(DEFAULT_SETTINGS[key as SettingKey as keyof Settings]);
    }
  });

  it("quotes the numbers in the explanations from LIMITS", () => {
    expect(SETTING_INFO.num_inference_steps.description).toBe(
      "More steps refine detail but take longer (10–50, default 30).",
    );
    expect(SETTING_INFO.guidance_scale.description).toBe(
      "How closely the edit follows the prompt (0–20, default 2.5).",
    );
    expect(SETTING_INFO.num_images.description).toBe(
      "Images per run (1–4, default 1); each is billed.",
    );
    expect(SETTING_INFO.seed.description).toBe(
      "Same seed + same settings → the same image (0–4294967295, default random).",
    );
  });

  it("states every setting's default in its explanation, and the range of numeric ones", () => {
    for (const info of Object.values(SETTING_INFO)) {
      if (info.kind === "number") {
        expect(info.description).toContain(`(${info.min}–${info.max}, default `);
      }
      expect(info.description).toMatch(/\(.*default [^)]+\)/);
    }
    for (const key of ["num_inference_steps", "guidance_scale", "num_images"] as const) {
      expect(SETTING_INFO[key].description).toContain(`default ${DEFAULT_SETTINGS[key]})`);
    }
    expect(DEFAULT_SETTINGS.seedMode).toBe("random");
    expect(SETTING_INFO.seed.description).toContain(
      `0–${PLAYGROUND_LIMITS.maxSeed}, default random`,
    );
  });

  it("names the default option of enum settings and the default state of toggles", () => {
    const { output_format, acceleration, resolution_mode } = SETTING_INFO;
    for (const info of [output_format, acceleration, resolution_mode]) {
      const options: readonly { value: string; label: string }[] = info.options;
      const chosen = options.find((option) => option.value === info.default);
      expect(info.description).toContain(`(default ${chosen?.label})`);
    }
    expect(output_format.description).toBe("PNG is lossless; JPEG is smaller (default PNG).");
    expect(acceleration.description).toContain("(default None)");
    expect(resolution_mode.description).toContain("(default match_input)");
    expect(SETTING_INFO.enable_safety_checker.description).toContain("(default on)");
    expect(SETTING_INFO.sync_mode.description).toContain("(default off)");
  });

  it("lists all 13 resolution modes in fal's order, with sizes for the fixed ratios", () => {
    const { options } = SETTING_INFO.resolution_mode;
    expect(options.map((option) => option.value)).toEqual([...RESOLUTION_MODES]);
    expect(options).toHaveLength(13);
    const text = options.map(optionText);
    expect(text).toContain("auto — closest trained size (~1 MP)");
    expect(text).toContain("match_input — keep the input size (max 2 MP, multiples of 16)");
    expect(text).toContain("16:9 — 1360×768");
    expect(text).toContain("1:1 — 1024×1024");
  });

  it("lists every acceleration and output format", () => {
    expect(SETTING_INFO.acceleration.options.map((option) => option.value)).toEqual([
      ...ACCELERATIONS,
    ]);
    expect(SETTING_INFO.output_format.options.map((option) => option.label)).toEqual([
      "PNG",
      "JPEG",
    ]);
    expect(SETTING_INFO.output_format.options.map((option) => option.value)).toEqual([
      ...OUTPUT_FORMATS,
    ]);
  });
});

describe("integerRange", () => {
  it("lists the image counts", () => {
    expect(integerRange(LIMITS.numImages.min, LIMITS.numImages.max)).toEqual([1, 2, 3, 4]);
    expect(integerRange(3, 2)).toEqual([]);
  });
});

describe("number fields", () => {
  it("parses typed numbers and waits on anything else", () => {
    expect(parseNumberText(" 60 ")).toBe(60);
    expect(parseNumberText("2.5")).toBe(2.5);
    expect(parseNumberText("-1")).toBe(-1);
    expect(parseNumberText("")).toBeNull();
    expect(parseNumberText("-")).toBeNull();
    expect(parseNumberText("abc")).toBeNull();
    expect(parseNumberText("Infinity")).toBeNull();
  });

  it("keeps the typed text while it means the stored value", () => {
    expect(syncNumberText("2.50", 2.5)).toBe("2.50");
    expect(syncNumberText("", 30)).toBe("30");
    expect(syncNumberText("60", 30)).toBe("30");
  });
});

describe("randomSeed", () => {
  it("stays within 0 to 2³² − 1 and is an integer", () => {
    expect(randomSeed(() => 0)).toBe(0);
    expect(randomSeed(() => 0.999_999_999_999)).toBe(PLAYGROUND_LIMITS.maxSeed);
    expect(randomSeed(() => 1)).toBe(PLAYGROUND_LIMITS.maxSeed);
    expect(Number.isInteger(randomSeed())).toBe(true);
  });
});
