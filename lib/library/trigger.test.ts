import { describe, expect, it } from "vitest";
import { addTriggerToPrompt, applyTrigger, promptHasTrigger } from "./trigger";

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
  });
});

describe("applyTrigger", () => {
  it("adds the trigger to a prompt that already holds text, and says so", () => {
    const outcome = applyTrigger("make it snow", "Plushie", "Convert to plushie style", true);
    expect(outcome).toEqual({
      prompt: "Convert to plushie style. make it snow",
      changed: true,
      message: "Added Plushie; its trigger now starts the prompt.",
    });
  });

  it("makes the trigger the prompt when the prompt is empty", () => {
    const outcome = applyTrigger(" ", "Plushie", "Convert to plushie style", true);
    expect(outcome.prompt).toBe("Convert to plushie style");
    expect(outcome.message).toBe("Added Plushie; its trigger is now the prompt.");
  });

  it("leaves the prompt alone when it has the trigger, when asked to, or when there is none", () => {
    const has = applyTrigger(
      "convert to PLUSHIE style, please",
      "P",
      "Convert to plushie style",
      true,
    );
    expect(has).toMatchObject({ changed: false, prompt: "convert to PLUSHIE style, please" });
    expect(has.message).toBe("Added P; the prompt already holds its trigger.");
    expect(applyTrigger("x", "P", "Convert", false)).toMatchObject({
      changed: false,
      prompt: "x",
      message: "Added P; its trigger was not put in the prompt.",
    });
    expect(applyTrigger("x", "P", "  ", true).message).toBe("Added P; it has no trigger.");
  });
});
