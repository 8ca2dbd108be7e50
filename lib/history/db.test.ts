import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { buildBatch } from "@/lib/batch/build";
import type { BatchRecord } from "@/lib/batch/record";
import { fileInput, hashOf, recipe } from "@/lib/batch/test-support";
import { DEFAULT_SETTINGS } from "@/lib/domain/settings";
import { kontextInputSchema } from "@/lib/kontext/schema";
import type { SweepRecord } from "@/lib/sweep/record";
import { historyRun } from "@/tests/fixtures/history";
import {
  createHistoryDb,
  DRAFT_KEY,
  isQuotaExceededError,
  type KeyValueStore,
  type OpenStore,
  openIdbStore,
  StorageFullError,
  SWEEP_SETUP_KEY,
} from "./db";
import { HistoryFormatError } from "./records";
import { type Draft, type DraftImage, HISTORY_VERSION, type HistoryRun } from "./types";

let dbCount = 0;
function uniqueDbName(): string {
  dbCount += 1;
  return `history-db-test-${dbCount}-${Math.random().toString(36).slice(2)}`;
}

function makeRun(id: string, createdAt: number, overrides: Partial<HistoryRun> = {}): HistoryRun {
  const base = historyRun({
    id,
    createdAt,
    request: { image_url: "https://example.com/in.png", prompt: `Prompt of ${id}` },
    images: [
      {
        url: `https://cdn.example.com/${id}.png`,
        width: 512,
        height: 512,
        content_type: "image/png",
      },
    ],
    seed: 1,
  });
  return { ...base, ...overrides };
}

const draft: Draft = {
  prompt: "Make it snow",
  loras: [{ path: "https://example.com/lora.safetensors", scale: 1.2, isEnabled: true }],
  settings: { ...DEFAULT_SETTINGS, seedMode: "fixed", seed: 9 },
};

function quotaError(): DOMException {
  return new DOMException("The quota has been exceeded.", "QuotaExceededError");
}

/** The real stores, with `set` failing (with `error`) while `isFailing()` says so. */
function failingSets(isFailing: () => boolean, error: () => unknown): OpenStore {
  return (dbName, storeName) => {
    const real = openIdbStore(dbName, storeName);
    const store: KeyValueStore = {
      ...real,
      set: async (key, value) => {
        if (isFailing()) throw error();
        await real.set(key, value);
      },
    };
    return store;
  };
}

describe("createHistoryDb", () => {
  it("round-trips a run in a versioned envelope", async () => {
    const dbName = uniqueDbName();
    const db = createHistoryDb({ dbName, now: () => 42 });
    const run = makeRun("a", 1_000, { parentId: "p", isFavourite: true, backend: "local" });
    await db.putRun(run);
    expect(await db.getRun("a")).toEqual(run);
    expect(await db.getRun("missing")).toBeNull();
    // On disk: the envelope, in its own database.
    expect(await openIdbStore(dbName, "runs").get("a")).toEqual({
      version: HISTORY_VERSION,
      data: run,
      savedAt: 42,
    });
    // A second handle on the same database sees it (it really is persisted).
    expect(await createHistoryDb({ dbName }).listRuns()).toEqual([run]);
  });

  it("lists runs newest first, and deletes and clears them", async () => {
    const db = createHistoryDb({ dbName: uniqueDbName() });
    await db.putRun(makeRun("middle", 2_000));
    await db.putRun(makeRun("oldest", 1_000));
    await db.putRun(makeRun("newest", 3_000));
    expect((await db.listRuns()).map((run) => run.id)).toEqual(["newest", "middle", "oldest"]);

    await db.putRun(makeRun("middle", 2_000, { isFavourite: true }));
    expect((await db.getRun("middle"))?.isFavourite).toBe(true);
    expect(await db.listRuns()).toHaveLength(3);

    await db.deleteRun("middle");
    expect((await db.listRuns()).map((run) => run.id)).toEqual(["newest", "oldest"]);

    await db.putDraft(draft);
    await db.clearRuns();
    expect(await db.listRuns()).toEqual([]);
    expect(await db.getDraft()).toEqual(draft); // clearing runs keeps the draft
  });

  it("lists the newest runs through the run index, which listing every run repairs", async () => {
    const dbName = uniqueDbName();
    const db = createHistoryDb({ dbName });
    for (const [id, at] of [
      ["a", 100],
      ["b", 300],
      ["c", 200],
    ] as const) {
      await db.putRun(makeRun(id, at));
    }
    expect((await db.listNewestRuns(2)).map((run) => run.id)).toEqual(["b", "c"]);

    // A run saved before the index existed is left out until every run has been listed once.
    const older = await openIdbStore(dbName, "runs").get("a");
    await openIdbStore(dbName, "runs").set("d", {
      ...(older as object),
      data: { ...makeRun("d", 400) },
    });
    expect((await db.listNewestRuns(2)).map((run) => run.id)).toEqual(["b", "c"]);
    // An entry of a run no longer stored takes its place in the count, and is skipped.
    await openIdbStore(dbName, "run-times").set("gone", 500);
    expect((await db.listNewestRuns(2)).map((run) => run.id)).toEqual(["b"]);
    await db.listRuns();
    await vi.waitFor(async () =>
      expect(await openIdbStore(dbName, "run-times").get("gone")).toBeUndefined(),
    );
    expect((await db.listNewestRuns(2)).map((run) => run.id)).toEqual(["d", "b"]);

    await db.deleteRun("d");
    expect((await db.listNewestRuns(5)).map((run) => run.id)).toEqual(["b", "c", "a"]);
    await db.clearRuns();
    expect(await db.listNewestRuns(5)).toEqual([]);
    expect(await openIdbStore(dbName, "run-times").entries()).toEqual([]);
  });

  it("migrates version 0 runs on read", async () => {
    const dbName = uniqueDbName();
    const { isFavourite: _f, parentId: _p, backend: _b, ...rest } = makeRun("old", 1_000);
    await openIdbStore(dbName, "runs").set("old", {
      version: 0,
      data: { ...rest, favourite: true },
    });
    const db = createHistoryDb({ dbName });
    const expected = makeRun("old", 1_000, { isFavourite: true, parentId: null, backend: "fal" });
    expect(await db.getRun("old")).toEqual(expected);
    expect(await db.listRuns()).toEqual([expected]);
  });

  it("skips and reports unreadable runs, keeps them stored, and lists the rest", async () => {
    const dbName = uniqueDbName();
    const raw = openIdbStore(dbName, "runs");
    const future = { version: HISTORY_VERSION + 1, data: { id: "future", somethingNew: true } };
    await raw.set("future", future);
    await raw.set("damaged", { version: 1, data: { ...makeRun("damaged", 5), status: 12 } });
    await raw.set("bare", makeRun("bare", 6)); // no envelope
    const onCorrupt = vi.fn<(id: string, error: HistoryFormatError) => void>();
    const db = createHistoryDb({ dbName, onCorrupt });
    await db.putRun(makeRun("good-1", 1_000));
    await db.putRun(makeRun("good-2", 2_000));

    expect((await db.listRuns()).map((run) => run.id)).toEqual(["good-2", "good-1"]);
    const reports = new Map(onCorrupt.mock.calls.map(([id, error]) => [id, error]));
    expect([...reports.keys()].sort()).toEqual(["bare", "damaged", "future"]);
    expect(reports.get("future")?.problem).toBe("newer-version");
    expect(reports.get("future")?.message).toMatch(/newer version of Kontext Playground/);
    expect(reports.get("damaged")?.message).toMatch(/status/);
    expect(reports.get("bare")?.problem).toBe("not-a-record");
    for (const error of reports.values()) expect(error).toBeInstanceOf(HistoryFormatError);

    // Never thrown away: the records are still stored exactly as they were.
    expect(await raw.get("future")).toEqual(future);

    // Asking for one by id throws (after reporting), so it is never mistaken for a missing run.
    onCorrupt.mockClear();
    await expect(db.getRun("future")).rejects.toThrow(/newer version of Kontext Playground/);
    expect(onCorrupt).toHaveBeenCalledWith("future", expect.any(HistoryFormatError));
  });

  it("still lists when onCorrupt itself throws", async () => {
    const dbName = uniqueDbName();
    await openIdbStore(dbName, "runs").set("bad", { version: 1, data: {} });
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const db = createHistoryDb({
      dbName,
      onCorrupt: () => {
        throw new Error("callback bug");
      },
    });
    await db.putRun(makeRun("good", 1));
    expect((await db.listRuns()).map((run) => run.id)).toEqual(["good"]);
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it("refuses to save a run that could not be read back", async () => {
    const db = createHistoryDb({ dbName: uniqueDbName() });
    const bad = { ...makeRun("bad", 1), backend: "gpu" } as unknown as HistoryRun;
    await expect(db.putRun(bad)).rejects.toThrow(HistoryFormatError);
    expect(await db.listRuns()).toEqual([]);
  });

  it("round-trips the draft and migrates a version 0 draft", async () => {
    const dbName = uniqueDbName();
    const db = createHistoryDb({ dbName });
    expect(await db.getDraft()).toBeNull();
    await db.putDraft(draft);
    expect(await db.getDraft()).toEqual(draft);

    const { seedMode: _m, seed: _s, ...v0Settings } = DEFAULT_SETTINGS;
    await openIdbStore(dbName, "drafts").set(DRAFT_KEY, {
      version: 0,
      data: {
        prompt: "Old",
        loras: [{ path: "x", scale: 2, enabled: false }],
        settings: v0Settings,
      },
    });
    expect(await db.getDraft()).toEqual({
      prompt: "Old",
      loras: [{ path: "x", scale: 2, isEnabled: false }],
      settings: DEFAULT_SETTINGS,
    });
  });

  it("keeps the sweep setup beside the draft, and reports a damaged one", async () => {
    const dbName = uniqueDbName();
    const onCorrupt = vi.fn();
    const db = createHistoryDb({ dbName, onCorrupt });
    expect(await db.getSweepSetup()).toBeNull();
    const setup = { axes: [{ kind: "seed" as const, text: "1..4" }], seed: 9, concurrency: 2 };
    await db.putSweepSetup(setup);
    await db.putDraft(draft);
    expect(await db.getSweepSetup()).toEqual(setup);
    await expect(db.putSweepSetup({ ...setup, concurrency: 0 })).rejects.toThrow(
      HistoryFormatError,
    );
    await openIdbStore(dbName, "drafts").set(SWEEP_SETUP_KEY, { version: 1, data: { seed: "x" } });
    expect(await db.getSweepSetup()).toBeNull();
    expect(onCorrupt).toHaveBeenCalledWith(SWEEP_SETUP_KEY, expect.any(HistoryFormatError));
    expect(await db.getDraft()).toEqual(draft);
  });

  it("reports an unreadable draft and returns null", async () => {
    const dbName = uniqueDbName();
    await openIdbStore(dbName, "drafts").set(DRAFT_KEY, { version: 1, data: { prompt: 3 } });
    const onCorrupt = vi.fn();
    expect(await createHistoryDb({ dbName, onCorrupt }).getDraft()).toBeNull();
    expect(onCorrupt).toHaveBeenCalledWith(DRAFT_KEY, expect.any(HistoryFormatError));
    expect(String(onCorrupt.mock.calls[0]?.[1])).toMatch(/prompt/);
  });

  it("turns a full disk into StorageFullError, for runs and drafts", async () => {
    let isFull = true;
    const db = createHistoryDb({
      dbName: uniqueDbName(),
      openStore: failingSets(() => isFull, quotaError),
    });
    const putRun = db.putRun(makeRun("a", 1));
    await expect(putRun).rejects.toBeInstanceOf(StorageFullError);
    await expect(db.putRun(makeRun("a", 1))).rejects.toThrow(
      /Could not save the run: the browser's storage for this site is full/,
    );
    await expect(db.putDraft(draft)).rejects.toThrow(/Could not save the draft/);
    const error = await db.putDraft(draft).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).cause).toBeInstanceOf(DOMException);

    isFull = false;
    await db.putRun(makeRun("a", 1));
    expect(await db.listRuns()).toHaveLength(1);
  });

  it("rethrows other write errors as they are", async () => {
    const boom = new Error("disk on fire");
    const db = createHistoryDb({
      dbName: uniqueDbName(),
      openStore: failingSets(
        () => true,
        () => boom,
      ),
    });
    await expect(db.putRun(makeRun("a", 1))).rejects.toBe(boom);
  });
});

describe("isQuotaExceededError", () => {
  it("recognises the browsers' quota errors and nothing else", () => {
    expect(isQuotaExceededError(quotaError())).toBe(true);
    expect(isQuotaExceededError({ name: "NS_ERROR_DOM_QUOTA_REACHED" })).toBe(true);
    expect(isQuotaExceededError({ name: "Error", code: 22 })).toBe(true);
    expect(isQuotaExceededError(new DOMException("gone", "NotFoundError"))).toBe(false);
    expect(isQuotaExceededError(new Error("QuotaExceededError"))).toBe(false);
    expect(isQuotaExceededError(null)).toBe(false);
  });
});

describe("sweeps", () => {
  function makeSweep(id: string, createdAt: number): SweepRecord {
    const request = kontextInputSchema.parse({
      image_url: "https://example.com/in.png",
      prompt: "Make it snow",
      seed: 7,
    });
    return {
      id,
      createdAt,
      axes: [{ kind: "guidance", text: "1, 2", labels: ["1", "2"] }],
      columnLabels: ["1", "2"],
      rowLabels: [""],
      cells: [
        {
          row: 0,
          column: 0,
          request: { ...request, guidance_scale: 1 },
          status: "started",
          runId: "r1",
        },
        {
          row: 0,
          column: 1,
          request: { ...request, guidance_scale: 2 },
          status: "pending",
          runId: null,
        },
      ],
      concurrency: 2,
      inputThumbnail: null,
      predictedSize: { width: 1024, height: 768 },
      backend: "local",
    };
  }

  it("saves, lists newest first and deletes sweeps, apart from runs", async () => {
    const db = createHistoryDb({ dbName: uniqueDbName() });
    await db.putSweep(makeSweep("old", 1));
    await db.putSweep(makeSweep("new", 2));
    expect((await db.listSweeps()).map((sweep) => sweep.id)).toEqual(["new", "old"]);
    expect(await db.listRuns()).toEqual([]);
    expect((await db.listSweeps())[1]).toEqual(makeSweep("old", 1));
    await db.deleteSweep("old");
    expect((await db.listSweeps()).map((sweep) => sweep.id)).toEqual(["new"]);
  });

  it("skips and reports a damaged or newer sweep, keeping it stored", async () => {
    const dbName = uniqueDbName();
    const corrupt = vi.fn();
    const db = createHistoryDb({ dbName, onCorrupt: corrupt });
    await db.putSweep(makeSweep("good", 1));
    await openIdbStore(dbName, "sweeps").set("bad", { version: 1, data: { id: "bad", cells: 3 } });
    await openIdbStore(dbName, "sweeps").set("future", { version: HISTORY_VERSION + 1, data: {} });
    expect((await db.listSweeps()).map((sweep) => sweep.id)).toEqual(["good"]);
    expect(corrupt.mock.calls.map(([id]) => id).sort()).toEqual(["bad", "future"]);
    expect(await openIdbStore(dbName, "sweeps").get("bad")).toBeDefined();
  });

  it("refuses to save a sweep that could not be read back", async () => {
    const db = createHistoryDb({ dbName: uniqueDbName() });
    await expect(db.putSweep({ ...makeSweep("x", 1), concurrency: 0 })).rejects.toBeInstanceOf(
      HistoryFormatError,
    );
  });
});

describe("the form's input image", () => {
  it("keeps the chosen file's bytes, reads them back, and forgets them when cleared", async () => {
    const db = createHistoryDb({ dbName: uniqueDbName() });
    expect(await db.getDraftImage()).toBeNull();
    const blob = new Blob([new Uint8Array([1, 2, 3, 4])], { type: "image/jpeg" });
    await db.putDraftImage({ kind: "file", blob, name: "cat.jpg", parentRunId: null });
    const kept = await db.getDraftImage();
    expect(kept?.kind).toBe("file");
    expect(kept?.name).toBe("cat.jpg");
    if (kept?.kind !== "file") throw new Error("expected a file");
    expect(kept.blob.type).toBe("image/jpeg");
    expect([...new Uint8Array(await kept.blob.arrayBuffer())]).toEqual([1, 2, 3, 4]);

    const url: DraftImage = {
      kind: "url",
      url: "https://cdn.example.com/out.png",
      name: "previous result",
      parentRunId: "run-1",
    };
    await db.putDraftImage(url);
    expect(await db.getDraftImage()).toEqual(url);
    // The draft itself is a separate record.
    expect(await db.getDraft()).toBeNull();

    await db.putDraftImage(null);
    expect(await db.getDraftImage()).toBeNull();
  });

  it("reports a damaged record instead of reading it", async () => {
    const dbName = uniqueDbName();
    const onCorrupt = vi.fn();
    const db = createHistoryDb({ dbName, onCorrupt });
    await openIdbStore(dbName, "drafts").set("draft-image", {
      version: HISTORY_VERSION,
      data: { kind: "file", blob: "not bytes", name: "x", parentRunId: null },
    });
    expect(await db.getDraftImage()).toBeNull();
    expect(onCorrupt).toHaveBeenCalledWith("draft-image", expect.any(HistoryFormatError));
  });
});

describe("batches", () => {
  function makeBatch(id: string, createdAt: number): BatchRecord {
    let item = 0;
    return buildBatch({
      id,
      createdAt,
      recipe: recipe(),
      inputs: [
        { input: fileInput("chair.jpg", hashOf(1)), prompt: null },
        { input: fileInput("lamp.jpg", hashOf(2)), prompt: "make the lamp red" },
      ],
      concurrency: 2,
      budgetUsd: null,
      backend: "local",
      newId: () => `${id}-item-${++item}`,
      randomSeed: () => 5,
    });
  }

  it("saves, lists newest first and deletes batches, apart from runs and sweeps", async () => {
    const db = createHistoryDb({ dbName: uniqueDbName() });
    await db.putBatch(makeBatch("old", 1));
    await db.putBatch(makeBatch("new", 2));
    expect((await db.listBatches()).map((batch) => batch.id)).toEqual(["new", "old"]);
    expect((await db.listBatches())[1]).toEqual(makeBatch("old", 1));
    expect(await db.listRuns()).toEqual([]);
    expect(await db.listSweeps()).toEqual([]);
    await db.deleteBatch("old");
    expect((await db.listBatches()).map((batch) => batch.id)).toEqual(["new"]);
  });

  it("skips and reports a damaged batch, keeping it stored, and refuses to write one", async () => {
    const dbName = uniqueDbName();
    const corrupt = vi.fn();
    const db = createHistoryDb({ dbName, onCorrupt: corrupt });
    await db.putBatch(makeBatch("good", 1));
    await openIdbStore(dbName, "batches").set("bad", { version: 1, data: { id: "bad" } });
    expect((await db.listBatches()).map((batch) => batch.id)).toEqual(["good"]);
    expect(corrupt.mock.calls.map(([id]) => id)).toEqual(["bad"]);
    await expect(db.putBatch({ ...makeBatch("x", 1), concurrency: 0 })).rejects.toBeInstanceOf(
      HistoryFormatError,
    );
  });
});
