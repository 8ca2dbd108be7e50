import { describe, expect, it } from "vitest";
import { LORA_LOOKS, loraLook } from "./looks";

// The same paths render.test.ts renders with; their looks are pinned here, so a change of
// hashing shows up as a clear failure.
const GHIBLI = "https://example.com/loras/ghibli.safetensors";
const NOIR = "https://example.com/loras/noir.safetensors";
const COMIC = "https://example.com/loras/comic.safetensors";
const CLAY = "https://example.com/loras/clay.safetensors";

describe("loraLook", () => {
  it("maps LoRA paths to at least six different looks", () => {
    const looks = new Set(Array.from({ length: 300 }, (_, i) => loraLook(`user/lora-${i}`).look));
    expect(looks.size).toBeGreaterThanOrEqual(6);
    expect([...looks].every((look) => LORA_LOOKS.includes(look))).toBe(true);
    expect(loraLook(GHIBLI)).toEqual(loraLook(` ${GHIBLI} `));
    expect([GHIBLI, NOIR, COMIC, CLAY].map((path) => loraLook(path).look)).toEqual([
      "toned",
      "threshold",
      "duotone",
      "ink-sketch",
    ]);
  });
});
