import { describe, expect, it } from "vitest";
import { preview, TINY_JPEG, userLora } from "@/tests/fixtures/library";
import { LIBRARY_FORMAT, libraryFilename, libraryJsonText } from "./library-file";
import { mergeLibrary, parseLibraryJson } from "./library-json";
import type { LibraryContents } from "./types";

const CURATED =
  "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie-kontext-dev-lora.safetensors";

function document(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: LIBRARY_FORMAT,
    version: 1,
    exportedAt: "2026-01-01T00:00:00.000Z",
    loras: [userLora()],
    previews: [preview()],
    ...overrides,
  });
}

function refusal(text: string): string {
  const result = parseLibraryJson(text);
  if (result.ok) throw new Error("expected a refusal");
  return result.message;
}

describe("libraryJsonText", () => {
  it("writes a versioned document that reads back as the same library", () => {
    const contents: LibraryContents = { loras: [userLora()], previews: [preview()] };
    const text = libraryJsonText(contents, Date.UTC(2026, 10, 23, 12));
    expect(JSON.parse(text)).toEqual({
      format: "kontext-playground/lora-library",
      version: 1,
      exportedAt: "2026-11-23T12:00:00.000Z",
      loras: contents.loras,
      previews: contents.previews,
    });
    expect(parseLibraryJson(text)).toEqual({ ok: true, library: contents });
  });

  it("leaves out previews when there are none", () => {
    const text = libraryJsonText({ loras: [], previews: [] }, 0);
    expect(JSON.parse(text)).not.toHaveProperty("previews");
    expect(parseLibraryJson(text)).toEqual({ ok: true, library: { loras: [], previews: [] } });
  });

  it("names the file after the day", () => {
    expect(libraryFilename(Date.UTC(2026, 10, 23))).toBe("kontext-lora-library-2026-11-23.json");
  });
});

describe("parseLibraryJson", () => {
  it("refuses what is not JSON, or not a library, saying what it is", () => {
    expect(refusal("{ nope")).toBe("This file is not valid JSON");
    expect(refusal("[1, 2]")).toMatch(/not a Kontext Playground LoRA library \(it is a list/);
    expect(refusal(JSON.stringify({ loras: [] }))).toMatch(/no 'format' field/);
    expect(refusal(JSON.stringify({ format: "kontext-playground/run", version: 1 }))).toMatch(
      /it is a Kontext Playground run/,
    );
    expect(refusal(JSON.stringify({ format: "something-else", version: 1 }))).toMatch(
      /its format is "something-else"/,
    );
  });

  it("refuses a library written by a newer version, or without a usable version", () => {
    expect(refusal(document({ version: 2 }))).toMatch(
      /written by a newer version of Kontext Playground \(format version 2; this one reads up to 1\)/,
    );
    expect(refusal(document({ version: "1" }))).toMatch(/no valid 'version'/);
  });

  it("refuses a document without a list of LoRAs", () => {
    expect(refusal(document({ loras: undefined }))).toBe("The library has no 'loras' list");
    expect(refusal(document({ loras: {} }))).toBe("The library's 'loras' is not a list");
    expect(refusal(document({ previews: "none" }))).toBe("The library's 'previews' is not a list");
  });

  it("names the bad entry and its field", () => {
    const bad = { ...userLora({ id: "b", name: "Broken one" }), path: "not a url" };
    expect(refusal(document({ loras: [userLora(), bad] }))).toBe(
      `LoRA 2 ("Broken one") is invalid: 'path': The path contains spaces; paste a URL`,
    );
    expect(refusal(document({ loras: [{ ...userLora(), scale: 9 }] }))).toBe(
      `LoRA 1 ("My sketch LoRA") is invalid: 'scale': Enter a scale from 0 to 4`,
    );
    expect(refusal(document({ loras: ["text"] }))).toMatch(/^LoRA 1 is invalid: /);
    expect(refusal(document({ previews: [preview({ thumbnail: "javascript:alert(1)" })] }))).toBe(
      "Preview 1 is invalid: 'thumbnail': must be a JPEG, PNG or WebP data URL",
    );
  });

  it("refuses two LoRAs with the same path, and two previews of one LoRA", () => {
    const twin = userLora({ id: "other", name: "Twin" });
    expect(refusal(document({ loras: [userLora(), twin] }))).toBe(
      `LoRA 2 ("Twin") has the same path as LoRA 1`,
    );
    expect(refusal(document({ previews: [preview(), preview({ runId: "b" })] }))).toBe(
      "Preview 2 is a second preview of the same LoRA",
    );
  });

  it("normalises paths, so a blob link and its resolve link are the same LoRA", () => {
    const blob = userLora({
      path: "https://huggingface.co/me/sketch/blob/main/sketch.safetensors",
    });
    const result = parseLibraryJson(document({ loras: [blob], previews: [] }));
    expect(result.ok && result.library.loras[0]?.path).toBe(userLora().path);
  });
});

describe("mergeLibrary", () => {
  const options = { newId: () => "fresh-id", knownPaths: new Set([CURATED]) };

  it("adds new paths, updates known ones in place, and counts both", () => {
    const current: LibraryContents = {
      loras: [userLora(), userLora({ id: "keep", path: "https://example.com/keep.safetensors" })],
      previews: [],
    };
    const incoming: LibraryContents = {
      loras: [
        userLora({ id: "elsewhere", name: "Renamed", scale: 1.2, createdAt: 9_999 }),
        userLora({ id: "new", name: "New", path: "https://example.com/new.safetensors" }),
      ],
      previews: [],
    };
    const merge = mergeLibrary(current, incoming, options);
    expect(merge.added).toBe(1);
    expect(merge.updated).toBe(1);
    expect(merge.unchanged).toBe(0);
    // Updated: the imported details, under the library's id and creation time.
    expect(merge.library.loras[0]).toEqual(
      userLora({ name: "Renamed", scale: 1.2, id: "lora-1", createdAt: 1_000 }),
    );
    expect(merge.library.loras.map((lora) => lora.id)).toEqual(["lora-1", "keep", "new"]);
    expect(merge.changed.loras.map((lora) => lora.id)).toEqual(["lora-1", "new"]);
  });

  it("counts a LoRA imported exactly as it is as unchanged and writes nothing for it", () => {
    const current: LibraryContents = { loras: [userLora()], previews: [preview()] };
    const merge = mergeLibrary(current, current, options);
    expect(merge).toMatchObject({ added: 0, updated: 0, unchanged: 1, previews: 0 });
    expect(merge.changed).toEqual({ loras: [], previews: [] });
    expect(merge.library).toEqual(current);
  });

  it("gives an added LoRA a new id when its id is taken by another path", () => {
    const current: LibraryContents = { loras: [userLora()], previews: [] };
    const clash = userLora({ path: "https://example.com/other.safetensors" });
    const merge = mergeLibrary(current, { loras: [clash], previews: [] }, options);
    expect(merge.library.loras.map((lora) => lora.id)).toEqual(["lora-1", "fresh-id"]);
  });

  it("takes a preview when it is newer, and only for LoRAs in the library or curated", () => {
    const current: LibraryContents = { loras: [userLora()], previews: [preview({ pinnedAt: 5 })] };
    const incoming: LibraryContents = {
      loras: [],
      previews: [
        preview({ pinnedAt: 9, runId: "newer" }),
        preview({ path: CURATED, runId: "curated" }),
        preview({ path: "https://example.com/unknown.safetensors", thumbnail: TINY_JPEG }),
      ],
    };
    const merge = mergeLibrary(current, incoming, options);
    expect(merge.previews).toBe(2);
    expect(merge.library.previews.map((p) => p.runId).sort()).toEqual(["curated", "newer"]);

    const older = mergeLibrary(
      merge.library,
      { loras: [], previews: [preview({ pinnedAt: 1 })] },
      options,
    );
    expect(older.previews).toBe(0);
  });
});
