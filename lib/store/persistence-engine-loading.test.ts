import { beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { createPlaygroundStore } from "./playground-store";
import {
  deferred,
  fakeHistory,
  fakeImages,
  fakeServices,
  finishedSavedRun,
  savedRun,
  tick,
  withImage,
} from "./test-support";

/**
 * How often a store created its persistence engine (its code loaded), a failure for the next load,
 * and when set, what the next loads wait for (a chunk still on its way).
 */
const engine = vi.hoisted(() => ({
  loads: 0,
  failNext: null as Error | null,
  arrival: null as Promise<void> | null,
}));

vi.mock("./persistence-engine", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./persistence-engine")>();
  const { countingEngine } = await import("./test-support");
  const create = countingEngine(engine, actual.createPersistenceEngine);
  return {
    ...actual,
    createPersistenceEngine: (...args: Parameters<typeof create>) =>
      engine.arrival ? engine.arrival.then(() => create(...args)) : create(...args),
  };
});

beforeEach(() => {
  engine.loads = 0;
  engine.failNext = null;
  engine.arrival = null;
});

const CHUNK_FAILURE = "Failed to load chunk /_next/static/chunks/persistence.js";
const DRAFT = {
  prompt: "from the draft",
  loras: [],
  settings: { ...DEFAULT_SETTINGS, num_inference_steps: 12 },
};

/** Time for a load, had anything started one (an import() resolves in a few ms here). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe("the persistence engine loads at the startup's hydrate, not with the store", () => {
  it("is not loaded by creating the store, nor by a form changed before hydrating", async () => {
    const saved = fakeHistory({ draft: DRAFT });
    const store = createPlaygroundStore(fakeServices({ history: saved.history }).services);
    store.getState().setPrompt("typed before hydrating");
    store.getState().setSetting("num_inference_steps", 40);
    await settle();
    expect(engine.loads).toBe(0);
    expect(saved.drafts).toEqual([]);
  });

  it("is loaded once by hydrate, whose reads start before it is there", async () => {
    const saved = fakeHistory({
      draft: DRAFT,
      runs: [finishedSavedRun("old", 100, { serial: 1 })],
    });
    const loadsAtRead: number[] = [];
    const { loadDraft, loadRuns } = saved.history;
    saved.history.loadDraft = () => {
      loadsAtRead.push(engine.loads);
      return loadDraft();
    };
    saved.history.loadRuns = () => {
      loadsAtRead.push(engine.loads);
      return loadRuns();
    };
    const store = createPlaygroundStore(fakeServices({ history: saved.history }).services);

    const hydrated = store.getState().hydrate();
    expect(store.getState().hydrate()).toBe(hydrated);
    await hydrated;
    expect(loadsAtRead).toEqual([0, 0]);
    expect(engine.loads).toBe(1);
    expect(store.getState().isHistoryLoaded).toBe(true);
    expect(store.getState().prompt).toBe("from the draft");
    expect(store.getState().runs.map((run) => run.id)).toEqual(["old"]);
    expect(store.getState().hydrate()).toBe(hydrated);

    // Saves use the loaded engine.
    await withImage(store);
    await store.getState().startRun();
    await vi.waitFor(() => expect(saved.saves.map((run) => run.status)).toEqual(["queued"]));
    expect(engine.loads).toBe(1);
  });

  it("writes the saves of a run asked for before it has loaded, in the order asked", async () => {
    const saved = fakeHistory();
    const { services, watchers } = fakeServices({ history: saved.history });
    const store = createPlaygroundStore(services);
    const chunk = deferred<void>();
    engine.arrival = chunk.promise;
    await withImage(store);
    const runId = (await store.getState().startRun()) as string;
    // The run is queued, runs and completes while the engine's code is on its way.
    await vi.waitFor(() => expect(watchers.has("req-1")).toBe(true));
    watchers.get("req-1")?.onUpdate({ status: "IN_PROGRESS", logs: ["Step 1/30"] });
    watchers.get("req-1")?.done.resolve();
    await vi.waitFor(() => expect(store.getState().runs[0]?.phase).toBe("completed"));
    await settle();
    expect(saved.saves).toEqual([]);
    expect(engine.loads).toBe(0);

    chunk.resolve();
    await vi.waitFor(() =>
      expect(saved.saves.map((run) => run.status)).toEqual(["queued", "running", "completed"]),
    );
    expect(saved.runs.get(runId)?.output?.seed).toBe(77);
    expect(engine.loads).toBe(1);
  });

  it("says when its code could not be loaded at hydrate, and reads the history at the next", async () => {
    const saved = fakeHistory({
      draft: DRAFT,
      runs: [savedRun({ id: "kept", finishedAt: 600 })],
    });
    let setupReads = 0;
    const { loadSweepSetup } = saved.history;
    saved.history.loadSweepSetup = () => {
      setupReads += 1;
      return loadSweepSetup?.() ?? Promise.resolve(null);
    };
    const cache = fakeImages();
    const [keptImage] = savedRun().output?.images ?? [];
    cache.cached.set(keptImage?.url as string, new Blob([new Uint8Array([1])]));
    const store = createPlaygroundStore(
      fakeServices({ history: saved.history, images: cache.images }).services,
    );

    engine.failNext = new Error(CHUNK_FAILURE);
    const failed = store.getState().hydrate();
    await failed;
    expect(store.getState().alert).toMatchObject({ topic: "history", runId: null });
    expect(store.getState().alert?.error.message).toBe(
      `History could not be loaded: ${CHUNK_FAILURE}`,
    );
    // Nothing acts as if the history were loaded: the unread draft is not saved over, and the
    // image cache keeps the images of the runs not read.
    expect(store.getState().isHistoryLoaded).toBe(false);
    store.getState().setPrompt("typed meanwhile");
    await settle();
    expect(saved.drafts).toEqual([]);
    expect([...cache.cached.keys()]).toEqual([keptImage?.url]);
    expect(engine.loads).toBe(0);

    // The next hydrate (e.g. a file opened) reads the history again; the rest is read once.
    const hydrated = store.getState().hydrate();
    expect(hydrated).not.toBe(failed);
    await hydrated;
    expect(engine.loads).toBe(1);
    expect(store.getState().isHistoryLoaded).toBe(true);
    expect(store.getState().prompt).toBe("from the draft");
    expect(store.getState().runs.map((run) => run.id)).toEqual(["kept"]);
    expect(store.getState().hydrate()).toBe(hydrated);
    expect(setupReads).toBe(1);
  });

  it("says when its code could not be loaded for a save, and saves at the next", async () => {
    const saved = fakeHistory();
    const { services, watchers } = fakeServices({ history: saved.history });
    const store = createPlaygroundStore(services);
    await withImage(store);

    engine.failNext = new Error(CHUNK_FAILURE);
    const runId = await store.getState().startRun();
    await vi.waitFor(() =>
      expect(store.getState().alert?.error.message).toBe(
        `History could not be saved: ${CHUNK_FAILURE}`,
      ),
    );
    expect(saved.saves).toEqual([]);

    // The run's next change is saved, as it is then.
    watchers.get("req-1")?.done.resolve();
    await vi.waitFor(() =>
      expect(saved.runs.get(runId as string)).toMatchObject({ status: "completed" }),
    );
    await tick();
    expect(saved.saves.map((run) => run.status)).toEqual(["completed"]);
    expect(engine.loads).toBe(1);
  });
});
