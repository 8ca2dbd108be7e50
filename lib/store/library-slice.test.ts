import { describe, expect, it, vi } from "vitest";
import { StorageFullError } from "@/lib/history/db";
import { KNOWN_LORAS } from "@/lib/kontext/known-loras";
import { LIBRARY_FORMAT } from "@/lib/library/library-file";
import type { UserLoraInput } from "@/lib/library/validation";
import { preview, TINY_JPEG, userLora } from "@/tests/fixtures/library";
import { selectLibraryLora } from "./library-selectors";
import { createPlaygroundStore } from "./playground-store";
import { fakeHistory, fakeImages, fakeLibrary, fakeServices, savedRun, tick } from "./test-support";
import type { PlaygroundServices } from "./types";

const PLUSHIE = KNOWN_LORAS.find((lora) => lora.id === "fal-plushie")?.path ?? "";
const CUSTOM = "https://example.com/loras/Neon_Glow.safetensors";

function input(overrides: Partial<UserLoraInput> = {}): UserLoraInput {
  const { id: _id, createdAt: _createdAt, ...rest } = userLora();
  return { ...rest, ...overrides };
}

/** A store whose history holds one finished run made with `loras`, and whose library is fake. */
async function loadedStore(
  options: {
    loras?: { path: string; scale: number }[];
    library?: ReturnType<typeof fakeLibrary>;
    overrides?: Partial<PlaygroundServices>;
  } = {},
) {
  const base = savedRun({ id: "run-a", requestId: "req-a" });
  const run = { ...base, request: { ...base.request, loras: options.loras ?? [] } };
  const saved = fakeHistory({ runs: [run] });
  const library = options.library ?? fakeLibrary();
  const cache = fakeImages();
  const makeThumbnail = vi.fn(async (source: Blob | string) =>
    typeof source === "string" && source.includes("broken") ? null : TINY_JPEG,
  );
  const fake = fakeServices({
    history: saved.history,
    images: cache.images,
    library: library.library,
    makeThumbnail,
    now: () => 5_000,
    ...options.overrides,
  });
  const store = createPlaygroundStore(fake.services);
  await store.getState().hydrate();
  await tick();
  return { store, library, cache, makeThumbnail, run, ...fake };
}

describe("loading the library", () => {
  it("reads the saved LoRAs and previews when the store hydrates", async () => {
    const library = fakeLibrary({ loras: [userLora()], previews: [preview()] });
    const { store } = await loadedStore({ library });
    const state = store.getState();
    expect(state.isLibraryLoaded).toBe(true);
    expect(state.userLoras).toEqual([userLora()]);
    expect(state.previews).toEqual({ [preview().path]: preview() });
  });

  it("keeps a LoRA saved while the library was still loading", async () => {
    const library = fakeLibrary({ loras: [userLora()] });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowLoad = library.library.load;
    library.library.load = async () => {
      await gate;
      return slowLoad();
    };
    const store = createPlaygroundStore(fakeServices({ library: library.library }).services);
    const hydrating = store.getState().hydrate();
    await store.getState().saveUserLora(input({ name: "Early", path: CUSTOM }));
    release();
    await hydrating;
    expect(store.getState().userLoras.map((lora) => lora.name)).toEqual([
      "My sketch LoRA",
      "Early",
    ]);
  });

  it("says so when the library cannot be read, and still counts as loaded", async () => {
    const library = fakeLibrary();
    library.control.loadError = new Error("IndexedDB is blocked");
    const { store } = await loadedStore({ library });
    expect(store.getState().isLibraryLoaded).toBe(true);
    expect(store.getState().libraryNotice).toEqual({
      tone: "error",
      message: "Your LoRA library could not be loaded: IndexedDB is blocked",
    });
  });

  it("works in memory without a library service", async () => {
    const store = createPlaygroundStore(fakeServices().services);
    await store.getState().hydrate();
    expect(store.getState().isLibraryLoaded).toBe(true);
    const saved = await store.getState().saveUserLora(input());
    expect(saved.ok).toBe(true);
    expect(store.getState().userLoras).toHaveLength(1);
  });
});

describe("saveUserLora", () => {
  it("checks, saves and persists a new LoRA with a new id and the current time", async () => {
    const { store, library } = await loadedStore();
    const result = await store
      .getState()
      .saveUserLora(
        input({ path: "https://huggingface.co/me/sketch/blob/main/sketch.safetensors" }),
      );
    const expected = { ...userLora({ createdAt: 5_000 }), id: expect.any(String) };
    expect(result).toEqual({ ok: true, lora: expected });
    expect(store.getState().userLoras).toEqual([expected]);
    expect([...library.loras.values()]).toEqual([expected]);
    expect(store.getState().libraryNotice).toEqual({
      tone: "success",
      message: "Saved My sketch LoRA to your library",
    });
  });

  it("returns field errors and saves nothing when the input is wrong", async () => {
    const { store, library } = await loadedStore();
    const result = await store.getState().saveUserLora(input({ name: " ", scale: 7 }));
    expect(result).toEqual({
      ok: false,
      errors: { name: "Enter a name", scale: "Enter a scale from 0 to 4" },
    });
    expect(store.getState().userLoras).toEqual([]);
    expect(library.writes).toEqual([]);
  });

  it("refuses, at the path, a LoRA the library has already (saved or curated)", async () => {
    const { store } = await loadedStore({ library: fakeLibrary({ loras: [userLora()] }) });
    expect(await store.getState().saveUserLora(input({ name: "Again" }))).toEqual({
      ok: false,
      errors: { path: "This LoRA is in the library already, as “My sketch LoRA”" },
    });
    expect(await store.getState().saveUserLora(input({ path: PLUSHIE }))).toEqual({
      ok: false,
      errors: { path: "This LoRA is in the library already, as the curated “Plushie”" },
    });
  });

  it("edits a saved LoRA in place, and its preview follows a new path", async () => {
    const library = fakeLibrary({ loras: [userLora()], previews: [preview()] });
    const { store } = await loadedStore({ library });
    const result = await store
      .getState()
      .saveUserLora(input({ name: "Sketchy", path: CUSTOM, scale: 1.25 }), "lora-1");
    const edited = userLora({ name: "Sketchy", path: CUSTOM, scale: 1.25 });
    expect(result).toEqual({ ok: true, lora: edited });
    expect(store.getState().userLoras).toEqual([edited]);
    expect(store.getState().previews).toEqual({ [CUSTOM]: preview({ path: CUSTOM }) });
    expect([...library.previews.keys()]).toEqual([CUSTOM]);
    expect(store.getState().libraryNotice?.message).toBe("Saved the changes to Sketchy");
  });

  it("changes nothing and says why when the storage is full", async () => {
    const { store, library } = await loadedStore();
    library.control.failNext = new StorageFullError("the LoRA library");
    const result = await store.getState().saveUserLora(input());
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(
      /^My sketch LoRA was not saved: Could not save the LoRA library: the browser's storage/,
    );
    expect(store.getState().userLoras).toEqual([]);
    expect(store.getState().libraryNotice?.tone).toBe("error");
  });
});

describe("deleteUserLora", () => {
  it("deletes a saved LoRA and its preview", async () => {
    const library = fakeLibrary({ loras: [userLora()], previews: [preview()] });
    const { store } = await loadedStore({ library });
    expect(await store.getState().deleteUserLora("lora-1")).toBe(true);
    expect(store.getState().userLoras).toEqual([]);
    expect(store.getState().previews).toEqual({});
    expect(library.loras.size + library.previews.size).toBe(0);
    expect(store.getState().libraryNotice?.message).toBe(
      "Deleted My sketch LoRA from your library",
    );
  });

  it("keeps the LoRA when the deletion cannot be written", async () => {
    const library = fakeLibrary({ loras: [userLora()] });
    const { store } = await loadedStore({ library });
    library.control.failNext = new Error("disk on fire");
    expect(await store.getState().deleteUserLora("lora-1")).toBe(false);
    expect(store.getState().userLoras).toEqual([userLora()]);
    expect(store.getState().libraryNotice).toEqual({
      tone: "error",
      message: "My sketch LoRA was not deleted: disk on fire",
    });
  });
});

describe("importLibrary and exportLibrary", () => {
  it("exports the saved LoRAs and previews, and a fresh library imports them", async () => {
    const library = fakeLibrary({ loras: [userLora()], previews: [preview()] });
    const { store } = await loadedStore({ library });
    const file = await store.getState().exportLibrary();
    if (!file) throw new Error("nothing exported");
    expect(file.filename).toBe("kontext-lora-library-1970-01-01.json");
    expect(file.blob.type).toBe("application/json");
    const text = await file.blob.text();
    expect(JSON.parse(text)).toMatchObject({ format: LIBRARY_FORMAT, version: 1 });
    expect(store.getState().libraryNotice?.message).toBe("Exported 1 LoRA and 1 preview");

    const fresh = await loadedStore();
    const result = await fresh.store.getState().importLibrary(text, "library.json");
    expect(result).toEqual({ ok: true, added: 1, updated: 0, unchanged: 0, previews: 1 });
    expect(fresh.store.getState().userLoras).toEqual([userLora()]);
    expect(fresh.store.getState().previews).toEqual({ [preview().path]: preview() });
    expect([...fresh.library.loras.values()]).toEqual([userLora()]);
    expect(fresh.store.getState().libraryNotice).toEqual({
      tone: "success",
      message: "Imported library.json: 1 added, 0 updated, 1 preview",
    });
  });

  it("merges by path: a known path is updated, not added twice", async () => {
    const library = fakeLibrary({ loras: [userLora()] });
    const { store } = await loadedStore({ library });
    const text = JSON.stringify({
      format: LIBRARY_FORMAT,
      version: 1,
      exportedAt: "2026-01-01T00:00:00.000Z",
      loras: [
        userLora({ id: "from-elsewhere", name: "Sketch v2" }),
        userLora({ id: "b", name: "Neon", path: CUSTOM }),
      ],
    });
    const result = await store.getState().importLibrary(text, "mine.json");
    expect(result).toEqual({ ok: true, added: 1, updated: 1, unchanged: 0, previews: 0 });
    expect(store.getState().userLoras.map((lora) => [lora.id, lora.name])).toEqual([
      ["lora-1", "Sketch v2"],
      ["b", "Neon"],
    ]);
    expect(store.getState().libraryNotice?.message).toBe("Imported mine.json: 1 added, 1 updated");
  });

  it("refuses a damaged file, naming the entry, and changes nothing", async () => {
    const library = fakeLibrary({ loras: [userLora()] });
    const { store } = await loadedStore({ library });
    const text = JSON.stringify({
      format: LIBRARY_FORMAT,
      version: 1,
      loras: [userLora({ id: "x", path: CUSTOM }), { ...userLora(), name: "" }],
    });
    const result = await store.getState().importLibrary(text, "bad.json");
    expect(result).toEqual({
      ok: false,
      message:
        "bad.json was not imported: LoRA 2 is invalid: 'name': Enter a name. Your library is unchanged.",
    });
    expect(store.getState().userLoras).toEqual([userLora()]);
    expect(library.writes).toEqual([]);
    expect(store.getState().libraryNotice?.tone).toBe("error");
  });

  it("refuses JSON that is not a library, and a full disk, changing nothing", async () => {
    const { store, library } = await loadedStore();
    const foreign = await store.getState().importLibrary('{"hello":"world"}', "other.json");
    expect(foreign.ok ? "" : foreign.message).toBe(
      "other.json was not imported: This JSON is not a Kontext Playground LoRA library (no 'format' field). Your library is unchanged.",
    );
    library.control.failNext = new StorageFullError("the LoRA library");
    const text = JSON.stringify({ format: LIBRARY_FORMAT, version: 1, loras: [userLora()] });
    const full = await store.getState().importLibrary(text, "ok.json");
    expect(full.ok ? "" : full.message).toMatch(/^ok\.json was not imported: Could not save/);
    expect(store.getState().userLoras).toEqual([]);
  });
});

describe("pinPreview", () => {
  it("pins a result as a curated LoRA's preview, from the cached copy", async () => {
    const { store, library, cache, makeThumbnail, run } = await loadedStore({
      loras: [{ path: PLUSHIE, scale: 0.75 }],
    });
    const url = run.output?.images[0]?.url ?? "";
    const cached = new Blob(["png"], { type: "image/png" });
    cache.cached.set(url, cached);
    const result = await store.getState().pinPreview("run-a", 0, PLUSHIE);
    expect(result).toEqual({ ok: true, name: "Plushie", isNewToLibrary: false });
    expect(makeThumbnail).toHaveBeenCalledWith(cached);
    const pinned = { path: PLUSHIE, thumbnail: TINY_JPEG, runId: "run-a", pinnedAt: 5_000 };
    expect(store.getState().previews).toEqual({ [PLUSHIE]: pinned });
    expect(library.previews.get(PLUSHIE)).toEqual(pinned);
    expect(store.getState().userLoras).toEqual([]);
  });

  it("saves a LoRA that is in neither list to the library, at the run's scale", async () => {
    const { store, makeThumbnail, run } = await loadedStore({
      loras: [
        { path: PLUSHIE, scale: 1 },
        { path: CUSTOM, scale: 0.55 },
      ],
    });
    const result = await store.getState().pinPreview("run-a", 0, CUSTOM);
    expect(result).toEqual({ ok: true, name: "Neon_Glow", isNewToLibrary: true });
    // No cached copy: made from the URL.
    expect(makeThumbnail).toHaveBeenCalledWith(run.output?.images[0]?.url);
    expect(store.getState().userLoras).toEqual([
      {
        id: expect.any(String),
        name: "Neon_Glow",
        path: CUSTOM,
        trigger: "",
        scale: 0.55,
        notes: "",
        createdAt: 5_000,
      },
    ]);
    expect(selectLibraryLora(CUSTOM)(store.getState())).toEqual({
      source: "saved",
      name: "Neon_Glow",
      trigger: "",
      scale: 0.55,
    });
  });

  it("refuses a LoRA the run did not use, a missing result and an unreadable image", async () => {
    const { store, library } = await loadedStore({ loras: [{ path: PLUSHIE, scale: 1 }] });
    expect(await store.getState().pinPreview("run-a", 0, CUSTOM)).toEqual({
      ok: false,
      message: "That run was not made with this LoRA",
    });
    expect(await store.getState().pinPreview("run-a", 3, PLUSHIE)).toEqual({
      ok: false,
      message: "That result is no longer there",
    });
    const broken = await loadedStore({
      loras: [{ path: PLUSHIE, scale: 1 }],
      overrides: { makeThumbnail: async () => null },
    });
    expect(await broken.store.getState().pinPreview("run-a", 0, PLUSHIE)).toEqual({
      ok: false,
      message: "No thumbnail could be made: the image could not be read",
    });
    expect(library.writes).toEqual([]);
    expect(store.getState().previews).toEqual({});
  });

  it("unpins a preview", async () => {
    const library = fakeLibrary({ loras: [userLora()], previews: [preview()] });
    const { store } = await loadedStore({ library });
    await store.getState().unpinPreview(preview().path);
    expect(store.getState().previews).toEqual({});
    expect(library.previews.size).toBe(0);
    expect(store.getState().libraryNotice?.message).toBe("Removed the preview of My sketch LoRA");
  });
});

describe("pinCardPreview", () => {
  const CARD = "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/images/1.png";
  const ROUTE = `/api/hub/image?url=${encodeURIComponent(CARD)}`;

  it("makes a preview from a card image, keeps where it came from, and it survives a reload", async () => {
    const { store, library, makeThumbnail } = await loadedStore();
    expect(await store.getState().pinCardPreview(CUSTOM, ROUTE, CARD)).toEqual({ ok: true });
    expect(makeThumbnail).toHaveBeenCalledWith(ROUTE);
    const preview = { path: CUSTOM, thumbnail: TINY_JPEG, sourceUrl: CARD, pinnedAt: 5_000 };
    expect(store.getState().previews[CUSTOM]).toEqual(preview);
    const next = await loadedStore({ library });
    expect(next.store.getState().previews[CUSTOM]).toEqual(preview);
  });

  it("says so, and keeps nothing, when the image cannot be read or saved", async () => {
    const { store, library } = await loadedStore();
    const broken = await store.getState().pinCardPreview(CUSTOM, "/broken", CARD);
    expect(broken).toEqual({ ok: false, message: "The card's image could not be read" });
    library.control.failNext = new StorageFullError("the LoRA library");
    const full = await store.getState().pinCardPreview(CUSTOM, ROUTE, CARD);
    expect(full.ok).toBe(false);
    expect(store.getState().previews[CUSTOM]).toBeUndefined();
  });
});
