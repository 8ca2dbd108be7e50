import { describe, expect, it } from "vitest";
import {
  addTriggerToPrompt,
  formatActiveCount,
  loraDomId,
  parseScaleDraft,
  promptHasTrigger,
  triggerButtonLabel,
} from "./lora-format";

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

describe("triggers", () => {
  const trigger = "Turn this image into the Ghibli style.";

  it("finds a trigger regardless of case, spacing and its final period", () => {
    expect(promptHasTrigger("turn this  image into the ghibli style, keep the dog", trigger)).toBe(
      true,
    );
    expect(promptHasTrigger("make it snow", trigger)).toBe(false);
    expect(promptHasTrigger("", trigger)).toBe(false);
    expect(promptHasTrigger("anything", "  ")).toBe(false);
  });

  it("uses the trigger as the prompt when the prompt is empty", () => {
    expect(addTriggerToPrompt("  ", "Convert to plushie style")).toBe("Convert to plushie style");
    expect(triggerButtonLabel(" ")).toBe("Use trigger as prompt");
  });

  it("prepends the trigger as a sentence otherwise", () => {
    expect(addTriggerToPrompt("make it blue", "Convert to plushie style")).toBe(
      "Convert to plushie style. make it blue",
    );
    expect(addTriggerToPrompt(" make it blue", trigger)).toBe(`${trigger} make it blue`);
    expect(
      promptHasTrigger(
        addTriggerToPrompt("x", "Convert to plushie style"),
        "Convert to plushie style",
      ),
    ).toBe(true);
    expect(triggerButtonLabel("make it blue")).toBe("Add trigger to prompt");
  });
});

describe("loraDomId", () => {
  it("names a row's controls by the LoRA id", () => {
    expect(loraDomId("abc", "path")).toBe("lora-abc-path");
  });
});
