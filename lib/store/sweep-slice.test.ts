import { describe, expect, it, vi } from "vitest";
import { checkForm } from "@/lib/domain/form-check";
import type { SweepRecord } from "@/lib/sweep/record";
import { createPlaygroundStore } from "./playground-store";
import { planSweep } from "./sweep-plan";
import { selectSweepRunIds } from "./sweep-slice";
import { fakeHistory, fakeServices, tick, withImage } from "./test-support";

const STYLE = "https://example.com/style.safetensors";

async function storeWithForm() {
  const saved = fakeHistory();
  const fake = fakeServices({ history: saved.history });
  const store = createPlaygroundStore(fake.services);
  await store.getState().hydrate();
  await withImage(store);
  const id = store.getState().addLora({ path: STYLE, scale: 1 });
  expect(id).toBeTruthy();
  return { store, saved, ...fake };
}

const scaleAxis = (text: string) => ({
  kind: "lora_scale" as const,
  text,
  target: { kind: "stack" as const, path: STYLE },
});

/** Lets every queued request finish (the fake engine answers once released). */
async function release(watchers: ReturnType<typeof fakeServices>["watchers"], requestId: string) {
  watchers.get(requestId)?.done.resolve();
  await tick();
  await tick();
}

describe("planning a sweep", () => {
  it("expands the axes against the form and prices every cell", async () => {
    const { store } = await storeWithForm();
    const plan = planSweep(store.getState(), [scaleAxis("0..1.5 step 0.5")], 1234, checkForm);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.grid.columnLabels).toEqual(["×0", "×0.5", "×1", "×1.5"]);
    // The fake image is 1920×1080 with match_input: 2 billed MP per image.
    expect(plan.estimate).toEqual({ requests: 4, images: 4, megapixels: 8, usd: 0.28 });
    expect(plan.seed).toBe(1234);
    expect(new Set(plan.grid.cells.map((cell) => cell.request.seed))).toEqual(new Set([1234]));
  });

  it("holds the form's own seed when it is fixed", async () => {
    const { store } = await storeWithForm();
    store.getState().setSetting("seedMode", "fixed");
    store.getState().setSetting("seed", 99);
    const plan = planSweep(store.getState(), [scaleAxis("0, 1")], 1234, checkForm);
    expect(plan.ok && plan.seed).toBe(99);
  });

  it("says which axis is wrong, and refuses before anything is sent", async () => {
    const { store, calls } = await storeWithForm();
    expect(
      planSweep(store.getState(), [scaleAxis("0, 1"), { kind: "steps", text: "5" }], 1, checkForm),
    ).toEqual({
      ok: false,
      message: "Steps 5 is outside the allowed 10–50",
      axis: 1,
    });
    expect(
      await store.getState().startSweep([scaleAxis("0..1 step 0")], { concurrency: 2, seed: 1 }),
    ).toBeNull();
    expect(store.getState().sweepError).toBe("The step of 0..1 step 0 must not be 0");
    expect(calls.uploads).toBe(0);
    expect(calls.submitted).toHaveLength(0);
  });

  it("asks for the form to be fixed first when it has no image", async () => {
    const store = createPlaygroundStore(fakeServices().services);
    const plan = planSweep(store.getState(), [{ kind: "guidance", text: "1, 2" }], 1, checkForm);
    expect(plan).toMatchObject({
      ok: false,
      axis: null,
      message: "Fix the form first: Add an image to edit",
    });
  });
});

describe("running a sweep", () => {
  it("uploads the image once and runs the cells a few at a time, each with its own run", async () => {
    const { store, calls, watchers, saved } = await storeWithForm();
    const sweepId = await store
      .getState()
      .startSweep([scaleAxis("0, 0.5, 1")], { concurrency: 2, seed: 7 });
    await tick();
    expect(sweepId).toBeTruthy();
    expect(calls.uploads).toBe(1);
    expect(calls.submitted.map((request) => request.loras[0]?.scale)).toEqual([0, 0.5]);
    expect(
      calls.submitted.every(
        (request) => request.image_url === "https://storage.example/upload-1.png",
      ),
    ).toBe(true);
    const sweep = store.getState().sweeps[0] as SweepRecord;
    expect(sweep.cells.map((cell) => cell.status)).toEqual(["started", "started", "pending"]);

    await release(watchers, "req-1");
    expect(calls.submitted.map((request) => request.loras[0]?.scale)).toEqual([0, 0.5, 1]);
    expect(store.getState().sweeps[0]?.cells.every((cell) => cell.status === "started")).toBe(true);
    await release(watchers, "req-2");
    await release(watchers, "req-3");
    const runIds = selectSweepRunIds(store.getState());
    expect(runIds.size).toBe(3);
    expect(
      store
        .getState()
        .runs.filter((run) => runIds.has(run.id))
        .every((run) => run.phase === "completed"),
    ).toBe(true);
    expect(saved.sweeps.get(sweepId as string)?.cells.every((cell) => cell.runId !== null)).toBe(
      true,
    );
  });

  it("cancel all stops the pending cells and cancels the running ones", async () => {
    const { store, calls } = await storeWithForm();
    const sweepId = (await store
      .getState()
      .startSweep([scaleAxis("0, 0.5, 1, 1.5")], { concurrency: 1, seed: 7 })) as string;
    await tick();
    expect(calls.submitted).toHaveLength(1);
    await store.getState().cancelSweep(sweepId);
    await tick();
    expect(store.getState().sweeps[0]?.cells.map((cell) => cell.status)).toEqual([
      "started",
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
    expect(calls.cancelled).toEqual(["req-1"]);
    expect(store.getState().runs[0]?.phase).toBe("cancelled");
    expect(calls.submitted).toHaveLength(1);
  });

  it("retries failed cells with new runs in their places", async () => {
    let failNext = true;
    const { store, watchers, calls } = await storeWithForm();
    const services = store.getState().services;
    const result = services.result;
    services.result = async (requestId, signal) => {
      if (failNext) {
        failNext = false;
        throw new Error("engine fell over");
      }
      return result(requestId, signal);
    };
    const sweepId = (await store
      .getState()
      .startSweep([scaleAxis("0, 1")], { concurrency: 2, seed: 7 })) as string;
    await tick();
    await release(watchers, "req-1");
    await release(watchers, "req-2");
    const failedRun = store.getState().sweeps[0]?.cells[0]?.runId as string;
    expect(store.getState().runs.find((run) => run.id === failedRun)?.phase).toBe("failed");

    await store.getState().retryFailedCells(sweepId);
    await tick();
    expect(calls.submitted).toHaveLength(3);
    const cell = store.getState().sweeps[0]?.cells[0];
    expect(cell?.runId).not.toBe(failedRun);
    expect(store.getState().runs.some((run) => run.id === failedRun)).toBe(false);
    await release(watchers, "req-3");
    expect(store.getState().runs.find((run) => run.id === cell?.runId)?.phase).toBe("completed");
  });

  it("picks up after a reload: pending cells start, cells whose run was never saved run again", async () => {
    const first = await storeWithForm();
    const sweepId = (await first.store
      .getState()
      .startSweep([scaleAxis("0, 0.5, 1")], { concurrency: 1, seed: 7 })) as string;
    await tick();
    await release(first.watchers, "req-1");
    await tick();
    // Closed now: cell 1 done, cell 2 submitted (saved), cell 3 pending. Pretend cell 2's run
    // was never saved (closed before it was queued).
    const saved = first.saved;
    const stored = saved.sweeps.get(sweepId) as SweepRecord;
    saved.runs.delete(stored.cells[1]?.runId as string);

    const fake = fakeServices({ history: saved.history });
    const store = createPlaygroundStore(fake.services);
    await store.getState().hydrate();
    await tick();
    const cells = store.getState().sweeps[0]?.cells ?? [];
    expect(cells.map((cell) => cell.status)).toEqual(["started", "started", "pending"]);
    expect(cells[1]?.runId).not.toBe(stored.cells[1]?.runId);
    expect(fake.calls.submitted.map((request) => request.loras[0]?.scale)).toEqual([0.5]);
  });

  it("deletes a finished sweep with its runs", async () => {
    const { store, watchers, saved } = await storeWithForm();
    const sweepId = (await store
      .getState()
      .startSweep([scaleAxis("0, 1")], { concurrency: 2, seed: 7 })) as string;
    await tick();
    await store.getState().deleteSweep(sweepId); // still running: kept
    expect(store.getState().sweeps).toHaveLength(1);
    await release(watchers, "req-1");
    await release(watchers, "req-2");
    await store.getState().deleteSweep(sweepId);
    expect(store.getState().sweeps).toHaveLength(0);
    expect(store.getState().runs).toHaveLength(0);
    expect(saved.sweeps.size).toBe(0);
    expect(saved.runs.size).toBe(0);
  });
});

describe("the sweep setup across reloads", () => {
  it("saves the axes, seed and concurrency, and a new store puts them back", async () => {
    const { store, saved } = await storeWithForm();
    store.getState().setSweepForm([scaleAxis("0, 2"), { kind: "prompt", text: "snow\nrain" }]);
    store.getState().setSweepFormOptions({ seed: 42, concurrency: 3 });
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(saved.sweepSetup()).toEqual({
      axes: [scaleAxis("0, 2"), { kind: "prompt", text: "snow\nrain" }],
      seed: 42,
      concurrency: 3,
    });

    const next = createPlaygroundStore(fakeServices({ history: saved.history }).services);
    await next.getState().hydrate();
    expect(next.getState().sweepForm).toEqual(saved.sweepSetup()?.axes);
    expect(next.getState().sweepFormSeed).toBe(42);
    expect(next.getState().sweepFormConcurrency).toBe(3);
  });

  it("says when the setup could not be saved", async () => {
    const saved = fakeHistory();
    const history = {
      ...saved.history,
      saveSweepSetup: async () => {
        throw new Error("disk full");
      },
    };
    const store = createPlaygroundStore(fakeServices({ history }).services);
    await store.getState().hydrate();
    store.getState().setSweepForm([{ kind: "seed", text: "1, 2" }]);
    await vi.waitFor(() =>
      expect(store.getState().alert?.error.message).toBe(
        "The sweep setup could not be saved: disk full",
      ),
    );
  });

  it("never overwrites the saved setup before reading it, and clamps the concurrency", async () => {
    const setup = { axes: [{ kind: "seed" as const, text: "1, 2" }], seed: 5, concurrency: 2 };
    const saved = fakeHistory({ sweepSetup: setup });
    const store = createPlaygroundStore(fakeServices({ history: saved.history }).services);
    store.getState().setSweepFormOptions({ concurrency: 99 });
    expect(store.getState().sweepFormConcurrency).toBe(8);
    await store.getState().hydrate();
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(saved.sweepSetup()).toEqual(setup);
    expect(store.getState().sweepForm).toEqual(setup.axes);
  });
});
