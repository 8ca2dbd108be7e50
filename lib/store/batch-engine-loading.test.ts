import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { BatchRecord } from "@/lib/batch/record";
import { batchWithRuns, fileOf, pngBytes } from "@/lib/batch/test-support";
import { createPlaygroundStore } from "./playground-store";
import type { PlaygroundStore } from "./state";
import { fakeHistory, fakeServices, finishedSavedRun, tick, withImage } from "./test-support";

/** How often a store created its batch runner (its code loaded), and a failure for the next load. */
const runner = vi.hoisted(() => ({ loads: 0, failNext: null as Error | null }));

vi.mock("./batch-engine", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./batch-engine")>();
  const { countingEngine } = await import("./test-support");
  return { ...actual, createBatchEngine: countingEngine(runner, actual.createBatchEngine) };
});

// The module is read once up front (not counted: no store created a runner), so a store's load of it
// resolves in a few ms — within the waits below that give a load the time to happen.
beforeAll(async () => {
  await import("./batch-engine");
});

beforeEach(() => {
  runner.loads = 0;
  runner.failNext = null;
});

const CHUNK_FAILURE = "Failed to load chunk /_next/static/chunks/batch.js";

/**
 * A batch of `runIds.length` images whose items have the given statuses, uploaded already (so
 * they run without the input store), started unless `startedAt` is null.
 */
function savedBatch(
  statuses: BatchRecord["items"][number]["status"][],
  { runIds = [], startedAt = 10 }: { runIds?: (string | null)[]; startedAt?: number | null } = {},
): BatchRecord {
  const built = batchWithRuns(
    "batch-1",
    5,
    statuses.map((_, index) => runIds[index] ?? null),
  );
  return {
    ...built,
    startedAt,
    items: built.items.map((item, index) => {
      const status = statuses[index] ?? "queued";
      const hasEnded = status === "done" || status === "failed" || status === "cancelled";
      return {
        ...item,
        status,
        imageUrl: `https://storage.example/chair-${index}.png`,
        requestId: item.runId ? `req-${item.runId}` : null,
        attempts: status === "queued" ? 0 : 1,
        startedAt: status === "queued" ? null : 20,
        finishedAt: hasEnded ? 30 : null,
      };
    }),
  };
}

const statuses = (store: PlaygroundStore) =>
  store.getState().batches[0]?.items.map((item) => item.status);

describe("the batch runner loads at first use", () => {
  it("is never loaded by a session that runs edits, keeps ended batches and imports none", async () => {
    // An ended batch in the history, with its runs: nothing of it runs again.
    const saved = fakeHistory({
      runs: [finishedSavedRun("a", 10), finishedSavedRun("b", 10)],
      batches: [savedBatch(["done", "done"], { runIds: ["a", "b"] })],
    });
    const { services, watchers, calls } = fakeServices({ history: saved.history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    expect(store.getState().batches).toHaveLength(1);

    await withImage(store);
    await store.getState().startRun();
    await vi.waitFor(() => expect(watchers.has("req-1")).toBe(true));
    watchers.get("req-1")?.done.resolve();
    await vi.waitFor(() =>
      expect(store.getState().runs.find((run) => run.requestId === "req-1")?.phase).toBe(
        "completed",
      ),
    );
    // A change to one of the batch's runs.
    store.getState().toggleFavourite("a");
    expect(await store.getState().importBatches([])).toBe(0);
    // Time for a load, had any of these started one.
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(calls.submitted).toHaveLength(1);
    expect(runner.loads).toBe(0);
    // The first batch action loads it.
    await store.getState().addBatchFiles([fileOf("chair.png", pngBytes(1))]);
    expect(store.getState().batchInputs).toHaveLength(1);
    expect(runner.loads).toBe(1);
  });

  it("is loaded once, when a saved batch is in flight, and carries the batch on", async () => {
    const saved = fakeHistory({ batches: [savedBatch(["queued", "queued", "queued"])] });
    const { services, watchers, calls } = fakeServices({ history: saved.history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    // The runner's code loads (a module import), then the first two items start.
    await vi.waitFor(() => expect(calls.submitted).toHaveLength(2));
    watchers.get("req-1")?.done.resolve();
    await vi.waitFor(() => expect(calls.submitted).toHaveLength(3));
    expect(statuses(store)).toEqual(["done", "running", "running"]);
    expect(runner.loads).toBe(1);
  });

  it("puts saved batches in the store at once, and revives those in flight once it has loaded", async () => {
    const { services } = fakeServices();
    const store = createPlaygroundStore(services);
    // The page closed while the first item's run was being made: that run was never saved.
    const restored = store
      .getState()
      .restoreBatches([savedBatch(["running", "queued"], { runIds: ["lost"] })]);
    expect(statuses(store)).toEqual(["running", "queued"]);
    expect(runner.loads).toBe(0);
    await restored;
    expect(runner.loads).toBe(1);
    expect(store.getState().batches[0]?.items[0]).toMatchObject({ status: "queued", runId: null });
  });

  it("runs the actions called before it has loaded in the order they were called", async () => {
    const { services, calls } = fakeServices();
    const store = createPlaygroundStore(services);
    await store
      .getState()
      .restoreBatches([savedBatch(["queued", "queued", "queued", "queued"], { startedAt: null })]);
    expect(runner.loads).toBe(0);

    // Start two at a time, pause, then four at a time: two start, and the new concurrency starts
    // nothing while paused. In another order none would start (paused first) or four would.
    const { startBatch, pauseBatch, setBatchConcurrency } = store.getState();
    const started = startBatch("batch-1");
    const rest = [pauseBatch("batch-1"), setBatchConcurrency("batch-1", 4)];
    expect(runner.loads).toBe(0);
    expect(await started).toEqual({ ok: true });
    await Promise.all(rest);
    await vi.waitFor(() => expect(calls.submitted).toHaveLength(2));
    await tick();

    const batch = store.getState().batches[0];
    expect(statuses(store)).toEqual(["running", "running", "queued", "queued"]);
    expect(batch?.pause?.reason).toBe("user");
    expect(batch?.concurrency).toBe(4);
    expect(calls.submitted).toHaveLength(2);
    expect(runner.loads).toBe(1);
  });

  it("says when its code could not be loaded, and loads it at the next try", async () => {
    const { services } = fakeServices({ history: fakeHistory().history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    const files = [fileOf("chair.png", pngBytes(1))];

    runner.failNext = new Error(CHUNK_FAILURE);
    await store.getState().addBatchFiles(files);
    expect(store.getState().batchError).toBe(`The inputs could not be read: ${CHUNK_FAILURE}`);
    expect(store.getState().isReadingBatchInputs).toBe(false);

    runner.failNext = new Error(CHUNK_FAILURE);
    await store.getState().pauseBatch("batch-1");
    expect(store.getState().alert?.error.message).toBe(
      `Batches could not be loaded: ${CHUNK_FAILURE}`,
    );

    runner.failNext = new Error(CHUNK_FAILURE);
    expect(await store.getState().createBatch({ seedMode: "fixed" })).toBeNull();
    expect(store.getState().batchError).toBe(`The batch could not be created: ${CHUNK_FAILURE}`);

    await store.getState().addBatchFiles(files);
    expect(store.getState().batchError).toBeNull();
    expect(store.getState().batchInputs).toHaveLength(1);
    expect(runner.loads).toBe(1);
  });
});
