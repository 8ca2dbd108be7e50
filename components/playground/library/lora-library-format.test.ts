import { describe, expect, it } from "vitest";
import { KNOWN_LORAS } from "@/lib/kontext/known-loras";
import { userLora } from "@/tests/fixtures/library";
import {
  curatedEntries,
  filterLibrary,
  formatShownCount,
  libraryTags,
  loraInitials,
  loraOrigin,
  savedEntries,
} from "./lora-library-format";

const curated = curatedEntries(KNOWN_LORAS);
const ids = (entries: readonly { id: string }[]) => entries.map((entry) => entry.id);

describe("library entries", () => {
  it("describes curated LoRAs with their repository and licence", () => {
    expect(curated).toHaveLength(KNOWN_LORAS.length);
    expect(curated.find((entry) => entry.id === "fal-plushie")).toMatchObject({
      key: "curated-fal-plushie",
      source: "curated",
      name: "Plushie",
      origin: "fal/Plushie-Kontext-Dev-LoRA",
      licence: "FLUX.1 [dev] Non-Commercial",
      trigger: "Convert to plushie style",
    });
  });

  it("lists saved LoRAs by name, with where they come from", () => {
    const entries = savedEntries([
      userLora({ id: "b", name: "zebra" }),
      userLora({
        id: "a",
        name: "Apple",
        path: "https://example.com/x.safetensors",
        tags: undefined,
      }),
    ]);
    expect(ids(entries)).toEqual(["a", "b"]);
    expect(entries[0]).toMatchObject({
      key: "saved-a",
      origin: "example.com",
      tags: [],
      licence: null,
    });
    expect(entries[1]?.origin).toBe("me/sketch");
  });
});

describe("loraOrigin", () => {
  it("names the Hugging Face repository, else the host", () => {
    expect(loraOrigin("https://huggingface.co/fal/Wojak/resolve/main/w.safetensors")).toBe(
      "fal/Wojak",
    );
    expect(loraOrigin("https://v3.fal.media/files/abc/lora.safetensors")).toBe("v3.fal.media");
    expect(loraOrigin("not a url")).toBe("not a url");
  });
});

describe("filterLibrary", () => {
  it("shows everything without a query or tags", () => {
    expect(filterLibrary(curated, "  ", [])).toHaveLength(curated.length);
  });

  it("matches every word against name, origin, tags, trigger and notes", () => {
    expect(ids(filterLibrary(curated, "plushie", []))).toEqual(["fal-plushie"]);
    expect(ids(filterLibrary(curated, "OWEN777 pixel", []))).toEqual(["owen-pixel"]);
    expect(filterLibrary(curated, "plushie watercolor", [])).toEqual([]);
    const saved = savedEntries([userLora({ notes: "Great on dogs" })]);
    expect(filterLibrary(saved, "dogs", [])).toHaveLength(1);
  });

  it("keeps only entries carrying every chosen tag", () => {
    const painting = filterLibrary(curated, "", ["painting"]);
    expect(painting.length).toBeGreaterThan(1);
    expect(painting.every((entry) => entry.tags.includes("painting"))).toBe(true);
    expect(ids(filterLibrary(curated, "", ["3d", "product"]))).toEqual([
      "fal-3d-game-assets",
      "metallic-objects",
    ]);
    expect(ids(filterLibrary(curated, "metallic", ["3d", "product"]))).toEqual([
      "metallic-objects",
    ]);
  });
});

describe("libraryTags", () => {
  it("lists each tag once, the most used first", () => {
    const tags = libraryTags(curated);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags[0]).toBe("style");
    expect(tags).toContain("portrait");
  });
});

describe("formatShownCount", () => {
  it("says how many are shown", () => {
    expect(formatShownCount(18, 18)).toBe("All 18 LoRAs");
    expect(formatShownCount(3, 18)).toBe("3 of 18 LoRAs shown");
    expect(formatShownCount(0, 1)).toBe("0 of 1 LoRA shown");
  });
});

describe("loraInitials", () => {
  it("takes the first letters of the first two words", () => {
    expect(loraInitials("Van Gogh style")).toBe("VG");
    expect(loraInitials("neon")).toBe("N");
    expect(loraInitials("3D_chibi")).toBe("3C");
    expect(loraInitials("  ")).toBe("?");
  });
});
