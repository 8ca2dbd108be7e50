import { describe, expect, it } from "vitest";
import { formatHeld, sweepHeld } from "./held";

const PLUSHIE = "https://hf.co/fal/plushie/resolve/main/p.safetensors";
const GHIBLI = "https://hf.co/x/ghibli/resolve/main/g.safetensors";
const name = (path: string) => (path === PLUSHIE ? "Plushie" : "Ghibli");

describe("sweepHeld", () => {
  it("holds the stack LoRAs every cell sends at one scale, not the one being scaled", () => {
    const held = sweepHeld([
      {
        prompt: "snow",
        seed: 7,
        loras: [
          { path: GHIBLI, scale: 0.8 },
          { path: PLUSHIE, scale: 0 },
        ],
      },
      {
        prompt: "snow",
        seed: 7,
        loras: [
          { path: GHIBLI, scale: 0.8 },
          { path: PLUSHIE, scale: 1 },
        ],
      },
    ]);
    expect(held).toEqual({ loras: [{ path: GHIBLI, scale: 0.8 }], prompt: "snow", seed: 7 });
    expect(formatHeld(held, name)).toBe("Held: Ghibli ×0.8 · “snow” · seed 7");
  });

  it("leaves out a prompt or seed that varies, and a LoRA only some cells send", () => {
    const held = sweepHeld([
      { prompt: "a", seed: 1, loras: [] },
      { prompt: "b", seed: 2, loras: [{ path: PLUSHIE, scale: 1 }] },
    ]);
    expect(held).toEqual({ loras: [], prompt: null, seed: null });
    expect(formatHeld(held, name)).toBe("Held: no other LoRA");
  });

  it("says a random seed, and cuts a long prompt", () => {
    const prompt = "x".repeat(120);
    const text = formatHeld(sweepHeld([{ prompt, seed: undefined, loras: [] }]), name);
    expect(text).toMatch(/^Held: no other LoRA · “x{79}…” · random seed$/);
  });

  it("holds nothing for no cells", () => {
    expect(sweepHeld([])).toEqual({ loras: [], prompt: null, seed: null });
  });
});
