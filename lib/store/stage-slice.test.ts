import { describe, expect, it } from "vitest";
import { batchWithRuns } from "@/lib/batch/test-support";
import { selectStageRunId } from "./stage-slice";
import { readyStore, withImage } from "./test-support";

function clockedStore() {
  let clock = 1_000;
  const fake = readyStore({ now: () => clock });
  const advance = (ms: number) => {
    clock += ms;
  };
  return { ...fake, advance };
}

describe("the stage's run", () => {
  it("is nothing before the first run", () => {
    const { store } = clockedStore();
    expect(selectStageRunId(store.getState())).toBeNull();
  });

  it("follows the newest run the person started", async () => {
    const { store, advance } = clockedStore();
    await withImage(store);
    const first = await store.getState().startRun();
    advance(10);
    const second = await store.getState().startRun();
    expect(first).not.toBeNull();
    expect(selectStageRunId(store.getState())).toBe(second);
  });

  it("shows a run picked from the history until a newer run starts", async () => {
    const { store, advance } = clockedStore();
    await withImage(store);
    const first = (await store.getState().startRun()) as string;
    advance(10);
    await store.getState().startRun();
    advance(10);
    store.getState().stageRun(first);
    expect(selectStageRunId(store.getState())).toBe(first);
    advance(10);
    const third = await store.getState().startRun();
    expect(selectStageRunId(store.getState())).toBe(third);
  });

  it("falls back to the newest run when the picked one is deleted", async () => {
    const { store, advance } = clockedStore();
    await withImage(store);
    const first = (await store.getState().startRun()) as string;
    advance(10);
    const second = await store.getState().startRun();
    advance(10);
    store.getState().stageRun(first);
    store.setState((state) => ({ runs: state.runs.filter((run) => run.id !== first) }));
    expect(selectStageRunId(store.getState())).toBe(second);
  });

  it("keeps a picked run while a batch started before the pick starts more runs", async () => {
    const { store, advance } = clockedStore();
    await withImage(store);
    const first = (await store.getState().startRun()) as string;
    advance(10);
    const batchStart = 1_010;
    const ofBatch = (await store.getState().startRun()) as string;
    advance(10);
    store.getState().stageRun(first);
    advance(10);
    // The batch's next item starts after the pick.
    const laterOfBatch = (await store.getState().startRun()) as string;
    const batch = {
      ...batchWithRuns("batch-1", 0, [ofBatch, laterOfBatch]),
      createdAt: batchStart - 5,
      startedAt: batchStart,
    };
    store.setState({ batches: [batch] });
    expect(selectStageRunId(store.getState())).toBe(first);

    // A batch started after the pick takes the stage.
    store.setState({ batches: [{ ...batch, startedAt: 1_025 }] });
    expect(selectStageRunId(store.getState())).toBe(laterOfBatch);

    // So does a run of its own started after the pick.
    store.setState({ batches: [batch] });
    advance(10);
    const own = await store.getState().startRun();
    expect(selectStageRunId(store.getState())).toBe(own);
  });
});
