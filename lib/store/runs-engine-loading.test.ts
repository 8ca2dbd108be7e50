import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SweepRecord } from "@/lib/sweep/record";
import { selectRunNumbers } from "./gallery";
import { createPlaygroundStore } from "./playground-store";
import {
  fakeHistory,
  fakeServices,
  finishedSavedRun,
  output,
  savedRun,
  withImage,
} from "./test-support";

/** How often a store created its runs engine (its code loaded), and a failure for the next load. */
const engine = vi.hoisted(() => ({ loads: 0, failNext: null as Error | null }));

vi.mock("./runs-engine", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./runs-engine")>();
  const { countingEngine } = await import("./test-support");
  return { ...actual, createRunsEngine: countingEngine(engine, actual.createRunsEngine) };
});

beforeEach(() => {
  engine.loads = 0;
  engine.failNext = null;
});

const CHUNK_FAILURE = "Failed to load chunk /_next/static/chunks/runs.js";

/** Time for a load, had anything started one (an import() resolves in a few ms here). */
const timeForALoad = () => new Promise((resolve) => setTimeout(resolve, 100));

const numbers = (store: ReturnType<typeof createPlaygroundStore>) =>
  Object.fromEntries(selectRunNumbers(store.getState()));

/** A saved sweep over guidance with two cells still to run. */
function pendingSweep(): SweepRecord {
  const request = finishedSavedRun("x", 0).request;
  return {
    id: "sweep-1",
    createdAt: 100,
    axes: [{ kind: "guidance", text: "1, 2", labels: ["1", "2"] }],
    columnLabels: ["1", "2"],
    rowLabels: [""],
    cells: [0, 1].map((column) => ({
      row: 0,
      column,
      request: { ...request, guidance_scale: column + 1 },
      status: "pending" as const,
      runId: null,
    })),
    concurrency: 1,
    inputThumbnail: null,
    predictedSize: { width: 1024, height: 768 },
    backend: "local",
  };
}

describe("the runs engine loads at first use", () => {
  it("is not loaded by creating the store and its startup reads of an empty history", async () => {
    const { services } = fakeServices({ history: fakeHistory().history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    expect(store.getState().isHistoryLoaded).toBe(true);
    // Filling the form needs none of it either.
    await withImage(store);
    await timeForALoad();
    expect(engine.loads).toBe(0);
  });

  it("numbers imported runs without it; the first Generate loads it, once, and numbers on", async () => {
    const saved = fakeHistory({ runs: [finishedSavedRun("a", 100, { serial: 1 })] });
    const { services, watchers } = fakeServices({ history: saved.history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    await store.getState().importRuns([{ run: finishedSavedRun("b", 200), images: [] }]);
    await timeForALoad();
    expect(numbers(store)).toEqual({ a: 1, b: 2 });
    expect(engine.loads).toBe(0);

    await withImage(store);
    const first = String(await store.getState().startRun());
    expect(engine.loads).toBe(1);
    await vi.waitFor(() => expect(watchers.has("req-1")).toBe(true));
    watchers.get("req-1")?.done.resolve();
    await vi.waitFor(() =>
      expect(store.getState().runs.find((run) => run.id === first)?.phase).toBe("completed"),
    );
    const second = String(await store.getState().startRun());
    expect(numbers(store)).toEqual({ a: 1, b: 2, [first]: 3, [second]: 4 });
    expect(engine.loads).toBe(1);
  });

  it("is loaded at startup when a saved run was unfinished, to follow it", async () => {
    const saved = fakeHistory({
      runs: [savedRun({ id: "flying", status: "running", finishedAt: null, output: null })],
    });
    const { services, watchers } = fakeServices({
      history: saved.history,
      result: async () => output(savedRun().request, 31),
    });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    await vi.waitFor(() => expect(watchers.has("req-old")).toBe(true));
    watchers.get("req-old")?.done.resolve();
    await vi.waitFor(() => expect(store.getState().runs[0]?.phase).toBe("completed"));
    expect(engine.loads).toBe(1);
  });

  it("is loaded before a sweep's engine, which starts its cells as runs at once", async () => {
    const saved = fakeHistory({ sweeps: [pendingSweep()] });
    const { services, calls } = fakeServices({ history: saved.history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    await vi.waitFor(() => expect(calls.submitted).toHaveLength(1));
    expect(store.getState().sweeps[0]?.cells[0]).toMatchObject({ status: "started" });
    expect(engine.loads).toBe(1);
  });

  it("runs the actions called before it has loaded in the order they were called", async () => {
    const { services, calls } = fakeServices();
    const store = createPlaygroundStore(services);
    await withImage(store);
    const first = store.getState().startRun();
    const second = store.getState().startRun();
    expect(engine.loads).toBe(0);
    const ids = (await Promise.all([first, second])).map(String);
    expect(numbers(store)).toEqual({ [ids[0] as string]: 1, [ids[1] as string]: 2 });
    await vi.waitFor(() => expect(calls.submitted).toHaveLength(2));
    expect(engine.loads).toBe(1);
  });

  it("says when its code could not be loaded, and loads it at the next try", async () => {
    const { services, calls } = fakeServices({ history: fakeHistory().history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    await withImage(store);

    engine.failNext = new Error(CHUNK_FAILURE);
    expect(await store.getState().startRun()).toBeNull();
    expect(store.getState().alert?.error.message).toBe(`The run could not start: ${CHUNK_FAILURE}`);
    expect(store.getState().runs).toEqual([]);
    expect(calls.uploads).toBe(0);

    engine.failNext = new Error(CHUNK_FAILURE);
    await store.getState().cancelRun("run-1");
    expect(store.getState().alert?.error.message).toBe(
      `The run could not be cancelled: ${CHUNK_FAILURE}`,
    );

    const id = await store.getState().startRun();
    expect(id).toBeTruthy();
    expect(store.getState().alert).toBeNull();
    await vi.waitFor(() => expect(calls.submitted).toHaveLength(1));
    expect(engine.loads).toBe(1);
  });

  it("fails a sweep visibly when it cannot be loaded, and starts the cells at the next try", async () => {
    const saved = fakeHistory({ sweeps: [pendingSweep()] });
    const { services, calls } = fakeServices({ history: saved.history });
    const store = createPlaygroundStore(services);
    engine.failNext = new Error(CHUNK_FAILURE);
    await store.getState().hydrate();
    await vi.waitFor(() =>
      expect(store.getState().alert?.error.message).toBe(
        `Sweeps could not be loaded: ${CHUNK_FAILURE}`,
      ),
    );
    expect(calls.submitted).toHaveLength(0);
    expect(store.getState().sweeps[0]?.cells[0]).toMatchObject({ status: "pending" });

    await store.getState().pumpSweeps();
    expect(calls.submitted).toHaveLength(1);
    expect(engine.loads).toBe(1);
  });
});
