import { beforeEach, describe, expect, it, vi } from "vitest";
import { createPlaygroundStore } from "./playground-store";
import { fakeHistory, fakeImages, fakeServices, finishedSavedRun } from "./test-support";

/** How often a store created its history engine (its code loaded), and a failure for the next load. */
const engine = vi.hoisted(() => ({ loads: 0, failNext: null as Error | null }));

vi.mock("./history-engine", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./history-engine")>();
  const { countingEngine } = await import("./test-support");
  return { ...actual, createHistoryEngine: countingEngine(engine, actual.createHistoryEngine) };
});

beforeEach(() => {
  engine.loads = 0;
  engine.failNext = null;
});

const LOAD_FAILURE = "Failed to load chunk /_next/static/chunks/history.js";

describe("the history engine loads at first use", () => {
  it("is not loaded by a first visit's startup: empty history, empty image cache", async () => {
    const { images } = fakeImages();
    const { services } = fakeServices({ history: fakeHistory().history, images });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    // Long enough for the image cache's sync after the load, and a module import, to finish.
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Choosing, starring, and undo or forget with nothing deleted need none of its code either.
    store.getState().selectRuns(["a"]);
    await store.getState().undoDelete();
    await store.getState().forgetDeletion();
    expect(store.getState().selectedRunIds).toEqual(["a"]);
    expect(engine.loads).toBe(0);
  });

  it("is loaded at startup when there are cached images or results to keep in step", async () => {
    const { images, cached } = fakeImages({
      "https://storage.example/out-0.png": new Blob(["x"], { type: "image/png" }),
    });
    await images.put("https://storage.example/unused.png", new Blob(["y"]));
    const saved = fakeHistory({ runs: [finishedSavedRun("a", 100)] });
    const { services } = fakeServices({ history: saved.history, images });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();

    // The image no run uses is dropped once the engine has loaded.
    await vi.waitFor(() => expect(cached.has("https://storage.example/unused.png")).toBe(false));
    expect(engine.loads).toBe(1);
  });

  it("says when its code could not be loaded, changes nothing, and loads it at the next try", async () => {
    const saved = fakeHistory({ runs: [finishedSavedRun("a", 100), finishedSavedRun("b", 200)] });
    const { services } = fakeServices({ history: saved.history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    expect(store.getState().runs).toHaveLength(2);

    engine.failNext = new Error(LOAD_FAILURE);
    expect(await store.getState().deleteRuns(["a"])).toBe(0);
    expect(store.getState().alert?.error.message).toBe(
      `The history's code could not be loaded: ${LOAD_FAILURE}`,
    );
    expect(store.getState().runs.map((run) => run.id)).toEqual(["b", "a"]);

    expect(await store.getState().deleteRuns(["a"])).toBe(1);
    expect(store.getState().runs.map((run) => run.id)).toEqual(["b"]);
    await store.getState().undoDelete();
    expect(store.getState().runs.map((run) => run.id)).toEqual(["b", "a"]);
    expect(engine.loads).toBe(1);
  });

  it("runs the actions called before it has loaded in the order they were called", async () => {
    const saved = fakeHistory({ runs: [finishedSavedRun("a", 100), finishedSavedRun("b", 200)] });
    const { services } = fakeServices({ history: saved.history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();

    // Deleting one run, then another: the second makes the first final, so Undo brings back
    // only "b". In the other order it would bring back only "a".
    const first = store.getState().deleteRuns(["a"]);
    const second = store.getState().deleteRuns(["b"]);
    expect(engine.loads).toBe(0);
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect(store.getState().deletion?.runs.map((run) => run.id)).toEqual(["b"]);
    expect(engine.loads).toBe(1);
  });
});
