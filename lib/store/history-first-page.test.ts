import { beforeAll, describe, expect, it } from "vitest";
import type { HistoryRun } from "@/lib/history/types";
import { selectGalleryRunIds, selectRunNumbers } from "./gallery";
import { FIRST_PAGE_RUNS } from "./persistence-slice";
import { createPlaygroundStore } from "./playground-store";
import {
  fakeHistory,
  fakeServices,
  finishedSavedRun,
  loadPersistenceEngine,
  tick,
} from "./test-support";

// The first page is expected a tick after hydrate starts.
beforeAll(loadPersistenceEngine);

function finished(id: string, createdAt: number, overrides: Partial<HistoryRun> = {}): HistoryRun {
  return finishedSavedRun(id, createdAt, { serial: createdAt, ...overrides });
}

/**
 * A store over a fake history whose full read waits for `readAll()`, and whose newest runs come
 * from `newest` (as the run index lists them).
 */
function slowHistory(runs: HistoryRun[], newest: HistoryRun[] = runs) {
  const saved = fakeHistory({ runs });
  let readAll = () => {};
  const isRead = new Promise<void>((resolve) => {
    readAll = resolve;
  });
  const loadRuns = saved.history.loadRuns;
  saved.history.loadRuns = async () => {
    await isRead;
    return loadRuns();
  };
  saved.history.loadNewestRuns = async (count) =>
    [...newest].sort((a, b) => b.createdAt - a.createdAt).slice(0, count);
  const store = createPlaygroundStore(fakeServices({ history: saved.history }).services);
  const hydrated = store.getState().hydrate();
  return { store, saved, hydrated, readAll };
}

const shown = (store: ReturnType<typeof createPlaygroundStore>) =>
  selectGalleryRunIds({ query: "", lora: null, isFavouritesOnly: false })(store.getState());

describe("the history's first page", () => {
  it("shows the newest runs while the rest is read, then every run newest first", async () => {
    const runs = Array.from({ length: FIRST_PAGE_RUNS + 3 }, (_, i) =>
      finished(`r${i + 1}`, i + 1),
    );
    const { store, hydrated, readAll } = slowHistory(runs);
    await tick();
    const first = shown(store);
    expect(first).toHaveLength(FIRST_PAGE_RUNS);
    expect(first[0]).toBe(`r${FIRST_PAGE_RUNS + 3}`);
    expect(store.getState().isHistoryLoaded).toBe(false);

    readAll();
    await hydrated;
    expect(shown(store)).toEqual(runs.map((run) => run.id).reverse());
    expect(selectRunNumbers(store.getState()).get("r1")).toBe(1);
    expect(store.getState().isHistoryLoaded).toBe(true);
  });

  it("keeps a run starred and leaves out a run deleted while the rest was read", async () => {
    const runs = [finished("a", 1), finished("b", 2), finished("c", 3)];
    const { store, saved, hydrated, readAll } = slowHistory(runs, [
      runs[1],
      runs[2],
    ] as HistoryRun[]);
    await tick();
    expect(shown(store)).toEqual(["c", "b"]);
    store.getState().toggleFavourite("c");
    await store.getState().deleteRuns(["b"]);
    await tick();

    readAll();
    await hydrated;
    expect(shown(store)).toEqual(["c", "a"]);
    expect(store.getState().runs.find((run) => run.id === "c")?.isFavourite).toBe(true);
    expect(saved.runs.get("c")?.isFavourite).toBe(true);
    expect(saved.runs.has("b")).toBe(false);
  });

  it("shows no sweep cell, unnumbered or unfinished run first", async () => {
    const runs = [
      finished("done", 1),
      finished("cell", 2, { serial: null }),
      finished("old", 3, { serial: undefined }),
      finished("busy", 4, { status: "running", finishedAt: null, output: null }),
    ];
    const { store, hydrated, readAll } = slowHistory(runs);
    await tick();
    expect(store.getState().runs.map((run) => run.id)).toEqual(["done"]);
    readAll();
    await hydrated;
    expect(store.getState().runs.map((run) => run.id)).toEqual(["busy", "old", "cell", "done"]);
  });
});
