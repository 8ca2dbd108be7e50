import { beforeEach, describe, expect, it, vi } from "vitest";
import { createPlaygroundStore } from "./playground-store";
import { deferred, fakeHistory, fakeServices } from "./test-support";

/**
 * How often a store created its input engine (its code loaded), a failure for the next load, and
 * when set, what the next loads wait for (a chunk still on its way).
 */
const engine = vi.hoisted(() => ({
  loads: 0,
  failNext: null as Error | null,
  arrival: null as Promise<void> | null,
}));

vi.mock("./input-engine", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./input-engine")>();
  const { countingEngine } = await import("./test-support");
  const create = countingEngine(engine, actual.createInputEngine);
  return {
    ...actual,
    createInputEngine: (...args: Parameters<typeof create>) =>
      engine.arrival ? engine.arrival.then(() => create(...args)) : create(...args),
  };
});

beforeEach(() => {
  engine.loads = 0;
  engine.failNext = null;
  engine.arrival = null;
});

const CHUNK_FAILURE = "Failed to load chunk /_next/static/chunks/input.js";
const RESULT = {
  url: "https://cdn.example/r.png",
  width: 64,
  height: 48,
  content_type: "image/png",
};

/** Time for a load, had anything started one (an import() resolves in a few ms here). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

const photo = (name: string) => new File([new Uint8Array([1, 2, 3])], name, { type: "image/png" });

/** A store whose input engine is on its way until `arrive` is called. */
function loadingStore(overrides: Parameters<typeof fakeServices>[0] = {}) {
  const arrival = deferred<void>();
  engine.arrival = arrival.promise;
  const fake = fakeServices(overrides);
  const store = createPlaygroundStore(fake.services);
  return { store, arrive: () => arrival.resolve(), ...fake };
}

describe("the input engine loads at the first image, not with the store", () => {
  it("is not loaded by creating the store, its startup with an empty history, nor the prompt", async () => {
    const { services } = fakeServices({ history: fakeHistory().history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    expect(store.getState().isHistoryLoaded).toBe(true);
    store.getState().setPrompt("make it snow");
    // Nothing to clear, and no file to read again.
    store.getState().clearImage();
    await store.getState().setShouldDownscale(false);
    await settle();
    expect(engine.loads).toBe(0);
    expect(store.getState().prompt).toBe("make it snow");
  });

  it("is loaded once by the first image, whose file is read while it loads", async () => {
    const { store, calls, arrive } = loadingStore();
    const a = photo("a.png");
    const reading = store.getState().setImageFile(a);
    // Shown as being read at once, and read in parallel with the engine's code.
    expect(store.getState().isPreparingImage).toBe(true);
    expect(calls.prepared).toEqual([{ file: a, downscale: true }]);
    await settle();
    expect(engine.loads).toBe(0);
    arrive();
    await reading;
    expect(store.getState()).toMatchObject({ isPreparingImage: false, image: { name: "a.png" } });
    await store.getState().setImageFile(photo("b.png"));
    expect(store.getState().image?.name).toBe("b.png");
    expect(engine.loads).toBe(1);
  });

  it("lets the newest image win among those chosen before it loaded", async () => {
    const { store, arrive } = loadingStore();
    const reads = [
      store.getState().setImageFile(photo("a.png")),
      store.getState().setImageUrl("https://example.com/cat.png"),
      store.getState().restoreImage("https://example.com/old.png"),
      store.getState().setImageFile(photo("b.png")),
    ];
    arrive();
    await Promise.all(reads);
    expect(store.getState()).toMatchObject({ isPreparingImage: false, image: { name: "b.png" } });
    expect(engine.loads).toBe(1);
  });

  it("lets clearImage cancel reads that wait for it, at once", async () => {
    const { store, arrive } = loadingStore();
    const reading = store.getState().setImageFile(photo("a.png"));
    const url = store.getState().setImageUrl("https://example.com/cat.png");
    store.getState().useResultAsInput(RESULT);
    store.getState().clearImage();
    expect(store.getState().isPreparingImage).toBe(false);
    arrive();
    await Promise.all([reading, url, settle()]);
    expect(store.getState()).toMatchObject({ image: null, imageError: null });
  });

  it("reads a result used before it loaded like an image: shown at once, superseded by a newer one", async () => {
    const first = loadingStore();
    first.store.getState().useResultAsInput(RESULT, { runId: "run-1" });
    expect(first.store.getState().isPreparingImage).toBe(true);
    first.arrive();
    await vi.waitFor(() =>
      expect(first.store.getState().image).toMatchObject({
        source: "result",
        parentRunId: "run-1",
      }),
    );
    expect(first.store.getState().isPreparingImage).toBe(false);

    const second = loadingStore();
    second.store.getState().useResultAsInput(RESULT);
    const reading = second.store.getState().setImageFile(photo("a.png"));
    second.arrive();
    await reading;
    await settle();
    expect(second.store.getState().image?.name).toBe("a.png");
  });

  it("reads a file chosen before it loaded again when the downscale setting changes meanwhile", async () => {
    const { store, calls, arrive } = loadingStore();
    const a = photo("a.png");
    const reading = store.getState().setImageFile(a);
    const toggled = store.getState().setShouldDownscale(false);
    expect(calls.prepared).toEqual([
      { file: a, downscale: true },
      { file: a, downscale: false },
    ]);
    arrive();
    await Promise.all([reading, toggled]);
    expect(store.getState()).toMatchObject({ isPreparingImage: false, image: { originalFile: a } });
  });

  it("says when its code could not be loaded, and loads it at the next try", async () => {
    const { services } = fakeServices();
    const store = createPlaygroundStore(services);

    engine.failNext = new Error(CHUNK_FAILURE);
    await store.getState().setImageFile(photo("a.png"));
    expect(store.getState()).toMatchObject({
      image: null,
      isPreparingImage: false,
      imageError: `The image could not be read: ${CHUNK_FAILURE}`,
      imageErrorField: "image",
    });

    engine.failNext = new Error(CHUNK_FAILURE);
    await store.getState().setImageUrl("https://example.com/cat.png");
    expect(store.getState()).toMatchObject({
      imageError: `The image could not be read: ${CHUNK_FAILURE}`,
      imageErrorField: "url",
    });

    await store.getState().setImageFile(photo("b.png"));
    expect(store.getState()).toMatchObject({ imageError: null, image: { name: "b.png" } });
    expect(engine.loads).toBe(1);
  });
});
