import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SweepRecord } from "@/lib/sweep/record";
import { createPlaygroundStore } from "./playground-store";
import { fakeHistory, fakeServices, finishedSavedRun, tick, withImage } from "./test-support";

/** How often a store created its sweep engine (its code loaded), and a failure for the next load. */
const engine = vi.hoisted(() => ({ loads: 0, failNext: null as Error | null }));

vi.mock("./sweep-engine", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./sweep-engine")>();
  const { countingEngine } = await import("./test-support");
  return { ...actual, createSweepEngine: countingEngine(engine, actual.createSweepEngine) };
});

beforeEach(() => {
  engine.loads = 0;
  engine.failNext = null;
});

const STYLE = "https://example.com/style.safetensors";

/** A saved sweep over guidance whose cells have the given statuses (started ones ran `runIds`). */
function savedSweep(
  statuses: SweepRecord["cells"][number]["status"][],
  runIds: (string | null)[] = [],
): SweepRecord {
  const request = finishedSavedRun("x", 0).request;
  const labels = statuses.map((_, index) => String(index + 1));
  return {
    id: "sweep-1",
    createdAt: 100,
    axes: [{ kind: "guidance", text: labels.join(", "), labels }],
    columnLabels: labels,
    rowLabels: [""],
    cells: statuses.map((status, column) => ({
      row: 0,
      column,
      request: { ...request, guidance_scale: column + 1 },
      status,
      runId: runIds[column] ?? null,
    })),
    concurrency: 1,
    inputThumbnail: null,
    predictedSize: { width: 1024, height: 768 },
    backend: "local",
  };
}

describe("the sweep engine loads at first use", () => {
  it("is never loaded by a session that runs edits, changes settings and imports no sweep", async () => {
    // A finished sweep in the history, whose cells' runs are there too: nothing to start.
    const saved = fakeHistory({
      runs: [finishedSavedRun("a", 100), finishedSavedRun("b", 100)],
      sweeps: [savedSweep(["started", "started"], ["a", "b"])],
    });
    const { services, watchers, calls } = fakeServices({ history: saved.history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    expect(store.getState().sweeps).toHaveLength(1);

    await withImage(store);
    await store.getState().startRun();
    await vi.waitFor(() => expect(watchers.has("req-1")).toBe(true));
    watchers.get("req-1")?.done.resolve();
    await vi.waitFor(() =>
      expect(store.getState().runs.find((run) => run.requestId === "req-1")?.phase).toBe(
        "completed",
      ),
    );
    await store.getState().setShouldDownscale(false);
    expect(await store.getState().importSweeps([])).toBe(0);

    // The setup is still saved as it changes.
    store.getState().setSweepForm([{ kind: "seed", text: "1, 2" }]);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(saved.sweepSetup()?.axes).toEqual([{ kind: "seed", text: "1, 2" }]);

    expect(calls.submitted).toHaveLength(1);
    expect(engine.loads).toBe(0);
  });

  it("is loaded once, when a saved sweep has cells still to run, and carries the sweep on", async () => {
    const saved = fakeHistory({ sweeps: [savedSweep(["pending", "pending"])] });
    const { services, watchers, calls } = fakeServices({ history: saved.history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    // The engine's code loads (a module import), then the first cell starts.
    await vi.waitFor(() =>
      expect(calls.submitted.map((request) => request.guidance_scale)).toEqual([1]),
    );

    watchers.get("req-1")?.done.resolve();
    await vi.waitFor(() =>
      expect(calls.submitted.map((request) => request.guidance_scale)).toEqual([1, 2]),
    );
    expect(store.getState().sweeps[0]?.cells.map((cell) => cell.status)).toEqual([
      "started",
      "started",
    ]);
    expect(engine.loads).toBe(1);
  });

  it("runs the actions called before it has loaded in the order they were called", async () => {
    const { services, calls } = fakeServices();
    const store = createPlaygroundStore(services);
    store.getState().restoreSweeps([savedSweep(["pending", "pending", "pending", "pending"])]);

    // Three cells at once, then cancel all: three cells start, the fourth is cancelled. In the
    // other order, all four would be cancelled before any started.
    const raised = store.getState().setSweepConcurrency("sweep-1", 3);
    const cancelled = store.getState().cancelSweep("sweep-1");
    expect(engine.loads).toBe(0);
    await Promise.all([raised, cancelled]);
    await tick();

    expect(store.getState().sweeps[0]?.cells.map((cell) => cell.status)).toEqual([
      "started",
      "started",
      "started",
      "cancelled",
    ]);
    expect(store.getState().sweeps[0]?.concurrency).toBe(3);
    expect(calls.submitted).toHaveLength(3);
    expect(engine.loads).toBe(1);
  });

  it("says when its code could not be loaded, and loads it at the next try", async () => {
    const { services, calls } = fakeServices({ history: fakeHistory().history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    await withImage(store);
    store.getState().addLora({ path: STYLE, scale: 1 });
    const axes = [
      {
        kind: "lora_scale" as const,
        text: "0, 1",
        target: { kind: "stack" as const, path: STYLE },
      },
    ];

    engine.failNext = new Error("Failed to load chunk /_next/static/chunks/sweep.js");
    expect(await store.getState().startSweep(axes, { concurrency: 2, seed: 7 })).toBeNull();
    expect(store.getState().sweepError).toBe(
      "The sweep could not start: Failed to load chunk /_next/static/chunks/sweep.js",
    );
    expect(calls.uploads).toBe(0);

    engine.failNext = new Error("Failed to load chunk /_next/static/chunks/sweep.js");
    await store.getState().deleteSweep("sweep-1");
    expect(store.getState().alert?.error.message).toBe(
      "Sweeps could not be loaded: Failed to load chunk /_next/static/chunks/sweep.js",
    );

    const sweepId = await store.getState().startSweep(axes, { concurrency: 2, seed: 7 });
    await tick();
    expect(sweepId).toBeTruthy();
    expect(store.getState().sweepError).toBeNull();
    expect(calls.submitted.map((request) => request.loras[0]?.scale)).toEqual([0, 1]);
    expect(engine.loads).toBe(1);
  });
});
