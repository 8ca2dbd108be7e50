import { describe, expect, it } from "vitest";
import type { HistoryRun } from "@/lib/history/types";
import { selectDeletionMessage, selectRunNumbers } from "./gallery";
import { lineageOf } from "./lineage";
import { createPlaygroundStore } from "./playground-store";
import {
  fakeHistory,
  fakeServices,
  finishedSavedRun,
  savedRun,
  tick,
  withImage,
} from "./test-support";

async function loadedStore(runs: HistoryRun[] = []) {
  const saved = fakeHistory({ runs });
  const fake = fakeServices({ history: saved.history });
  const store = createPlaygroundStore(fake.services);
  await store.getState().hydrate();
  await tick();
  return { store, saved, ...fake };
}

const numbers = (store: ReturnType<typeof createPlaygroundStore>) =>
  Object.fromEntries(selectRunNumbers(store.getState()));

describe("run numbers", () => {
  it("gives each new run the next number, kept when other runs are deleted", async () => {
    const { store } = await loadedStore();
    await withImage(store);
    const first = await store.getState().startRun();
    const second = await store.getState().startRun();
    const third = await store.getState().startRun();
    await tick();
    expect(numbers(store)).toEqual({ [String(first)]: 1, [String(second)]: 2, [String(third)]: 3 });

    await store.getState().cancelRun(String(second));
    await tick();
    await store.getState().deleteRuns([String(second)]);
    expect(selectDeletionMessage(store.getState())).toBe("Run 2 deleted");
    expect(numbers(store)).toEqual({ [String(first)]: 1, [String(third)]: 3 });

    // A deleted number is not given out again.
    await store.getState().cancelRun(String(third));
    await tick();
    await store.getState().deleteRuns([String(third)]);
    const fourth = await store.getState().startRun();
    expect(numbers(store)[String(fourth)]).toBe(4);
  });

  it("saves the number with the run, and a reload shows the same numbers", async () => {
    const { store, saved } = await loadedStore([finishedSavedRun("a", 100, { serial: 4 })]);
    await withImage(store);
    const id = String(await store.getState().startRun());
    await tick();
    expect(saved.runs.get(id)?.serial).toBe(5);

    const reloaded = await loadedStore([...saved.runs.values()]);
    expect(numbers(reloaded.store)).toEqual({ a: 4, [id]: 5 });
  });

  it("numbers runs saved before runs had numbers oldest first, once, and saves them", async () => {
    const { store, saved } = await loadedStore([
      finishedSavedRun("c", 300),
      finishedSavedRun("a", 100),
      finishedSavedRun("b", 200),
    ]);
    expect(numbers(store)).toEqual({ a: 1, b: 2, c: 3 });
    expect([...saved.runs.values()].map((run) => [run.id, run.serial]).sort()).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    // Deleting the oldest and reloading renumbers nothing.
    saved.runs.delete("a");
    const reloaded = await loadedStore([...saved.runs.values()]);
    expect(numbers(reloaded.store)).toEqual({ b: 2, c: 3 });
  });

  it("keeps a lineage link on the same run after an earlier run is deleted", async () => {
    const { store } = await loadedStore([
      finishedSavedRun("a", 100, { serial: 1 }),
      finishedSavedRun("b", 200, { serial: 2 }),
      finishedSavedRun("c", 300, { serial: 3, parentId: "b" }),
    ]);
    await store.getState().deleteRuns(["a"]);
    const [parent] = lineageOf(store.getState().runs, "c").chain;
    expect(parent).toBe("b");
    expect(selectRunNumbers(store.getState()).get(parent ?? "")).toBe(2);
  });

  it("gives a sweep's cells no number, so the next loose run is not pushed up", async () => {
    const { store } = await loadedStore([finishedSavedRun("a", 100, { serial: 1 })]);
    // As the sweep engine does, which loads after the runs' code.
    await store.getState().loadRunEngine();
    const cell = store.getState().launchRun({
      request: savedRun().request,
      inputThumbnail: null,
      parentId: null,
      size: { width: 1024, height: 1024 },
    });
    await withImage(store);
    const loose = String(await store.getState().startRun());
    expect(store.getState().runs.find((run) => run.id === cell)?.serial).toBeNull();
    expect(numbers(store)).toEqual({ a: 1, [loose]: 2 });
  });

  it("numbers imported runs after the existing ones, oldest first", async () => {
    const { store } = await loadedStore([finishedSavedRun("a", 100, { serial: 1 })]);
    await store.getState().importRuns([
      { run: finishedSavedRun("y", 300, { serial: 1 }), images: [] },
      { run: finishedSavedRun("x", 200, { serial: 9 }), images: [] },
    ]);
    expect(numbers(store)).toEqual({ a: 1, x: 2, y: 3 });
  });
});
