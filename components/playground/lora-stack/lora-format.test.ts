import { describe, expect, it } from "vitest";
import { formatActiveCount, loraDomId, parseScaleDraft, triggerButtonLabel } from "./lora-format";

describe("formatActiveCount", () => {
  it("is null for an empty stack", () => {
    expect(formatActiveCount(0, 0)).toBeNull();
  });

  it("counts the LoRAs that will be sent", () => {
    expect(formatActiveCount(2, 2)).toBe("2 active");
    expect(formatActiveCount(3, 1)).toBe("1 of 3 active");
    expect(formatActiveCount(1, 0)).toBe("0 of 1 active");
  });
});

describe("parseScaleDraft", () => {
  it("reads numbers and ignores what is not one yet", () => {
    expect(parseScaleDraft(" 2.5 ")).toBe(2.5);
    expect(parseScaleDraft("0")).toBe(0);
    for (const text of ["", "  ", "-", ".", "abc"]) expect(parseScaleDraft(text)).toBeNull();
  });
});

describe("triggerButtonLabel", () => {
  it("says whether the trigger becomes the prompt or joins it", () => {
    expect(triggerButtonLabel(" ")).toBe("Use trigger as prompt");
    expect(triggerButtonLabel("make it blue")).toBe("Add trigger to prompt");
  });
});

describe("loraDomId", () => {
  it("names a row's controls by the LoRA id", () => {
    expect(loraDomId("abc", "path")).toBe("lora-abc-path");
  });
});
