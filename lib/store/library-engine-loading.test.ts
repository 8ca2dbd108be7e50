import { beforeEach, describe, expect, it, vi } from "vitest";
import { preview, userLora } from "@/tests/fixtures/library";
import { createPlaygroundStore } from "./playground-store";
import { fakeLibrary, fakeServices, withImage } from "./test-support";

/** How often a store created its library engine (its code loaded), and a failure for the next. */
const engine = vi.hoisted(() => ({ loads: 0, failNext: null as Error | null }));

vi.mock("./library-engine", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./library-engine")>();
  const { countingEngine } = await import("./test-support");
  return { ...actual, createLibraryEngine: countingEngine(engine, actual.createLibraryEngine) };
});

beforeEach(() => {
  engine.loads = 0;
  engine.failNext = null;
});

const CHUNK_FAILURE = "Failed to load chunk /_next/static/chunks/library.js";
const lora = (name: string, path: string) => ({
  name,
  path,
  trigger: "",
  scale: 1,
  notes: "",
});

describe("the library engine loads at first use", () => {
  it("is never loaded by a session that reads the library at startup and runs edits", async () => {
    const library = fakeLibrary({ loras: [userLora()], previews: [preview()] });
    const { services, watchers } = fakeServices({ library: library.library });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    // What the first screen shows: the saved LoRAs are counted.
    expect(store.getState().isLibraryLoaded).toBe(true);
    expect(store.getState().userLoras).toHaveLength(1);

    await withImage(store);
    await store.getState().startRun();
    await vi.waitFor(() => expect(watchers.has("req-1")).toBe(true));
    watchers.get("req-1")?.done.resolve();
    await vi.waitFor(() => expect(store.getState().runs[0]?.phase).toBe("completed"));
    store.getState().dismissLibraryNotice();
    // Time for a load, had any of these started one (an import() resolves in a few ms here).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(engine.loads).toBe(0);

    // The first change to the library loads it.
    const saved = await store
      .getState()
      .saveUserLora(lora("Neon", "https://example.com/loras/neon.safetensors"));
    expect(saved.ok).toBe(true);
    expect(engine.loads).toBe(1);
  });

  it("runs the actions called before it has loaded in the order they were called", async () => {
    const library = fakeLibrary();
    const store = createPlaygroundStore(fakeServices({ library: library.library }).services);
    await store.getState().hydrate();
    const { saveUserLora } = store.getState();
    const calls = [
      saveUserLora(lora("First", "https://example.com/loras/first.safetensors")),
      saveUserLora(lora("Second", "https://example.com/loras/second.safetensors")),
      saveUserLora(lora("Third", "https://example.com/loras/third.safetensors")),
    ];
    expect(engine.loads).toBe(0);
    await Promise.all(calls);
    expect(engine.loads).toBe(1);
    expect(store.getState().userLoras.map((saved) => saved.name)).toEqual([
      "First",
      "Second",
      "Third",
    ]);
    expect(library.writes.map((change) => change.putLoras?.[0]?.name)).toEqual([
      "First",
      "Second",
      "Third",
    ]);
    expect(store.getState().libraryNotice?.message).toBe("Saved Third to your library");
  });

  it("says when its code could not be loaded, and loads it at the next try", async () => {
    const library = fakeLibrary({ loras: [userLora()] });
    const store = createPlaygroundStore(fakeServices({ library: library.library }).services);
    await store.getState().hydrate();
    const failure = `The LoRA library could not be opened: ${CHUNK_FAILURE}`;

    engine.failNext = new Error(CHUNK_FAILURE);
    expect(await store.getState().deleteUserLora(userLora().id)).toBe(false);
    expect(store.getState().libraryNotice).toEqual({ tone: "error", message: failure });
    expect(store.getState().userLoras).toHaveLength(1);

    // A pin answers its caller (the result's menu), without the library's notice.
    store.getState().dismissLibraryNotice();
    engine.failNext = new Error(CHUNK_FAILURE);
    expect(
      await store.getState().pinCardPreview(userLora().path, "/card", "https://hf.co/c.png"),
    ).toEqual({ ok: false, message: failure });
    expect(store.getState().libraryNotice).toBeNull();

    engine.failNext = new Error(CHUNK_FAILURE);
    expect(await store.getState().exportLibrary()).toBeNull();
    expect(store.getState().libraryNotice?.message).toBe(failure);

    expect(await store.getState().deleteUserLora(userLora().id)).toBe(true);
    expect(store.getState().userLoras).toEqual([]);
    expect(engine.loads).toBe(1);
  });
});
