import { describe, expect, it } from "vitest";
import { FIELD_LABELS } from "@/lib/domain/form-words";
import { SETTING_INFO } from "./setting-info";

describe("setting labels", () => {
  it("errors name each setting as its control is labelled", () => {
    for (const [key, info] of Object.entries(SETTING_INFO)) {
      expect(FIELD_LABELS[key], key).toBe(info.label);
    }
  });
});
