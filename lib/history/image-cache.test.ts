import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { historyRun } from "@/tests/fixtures/history";
import {
  createHistoryDb,
  type KeyValueStore,
  type OpenStore,
  openIdbStore,
  StorageFullError,
} from "./db";
import { createImageCache } from "./image-cache";
import type { HistoryRun } from "./types";

let dbCount = 0;
function uniqueDbName(): string {
  dbCount += 1;
  return `image-cache-test-${dbCount}-${Math.random().toString(36).slice(2)}`;
}

/** A clock that ticks 1 ms per call, so every put has its own `storedAt`. */
function tickingClock(start = 1_000): () => number {
  let time = start;
  return () => {
    time += 1;
    return time;
  };
}

function image(bytes: number, type = "image/png"): Blob {
  return new Blob([new Uint8Array(bytes).fill(7)], { type });
}

const url = (name: string) => `https://cdn.example.com/${name}.png`;

function makeRun(id: string): HistoryRun {
  return historyRun({
    id,
    createdAt: 1,
    durationMs: 1,
    requestId: null,
    request: { image_url: "https://example.com/in.png", prompt: "p" },
  });
}

/**
 * The real store, with `set` throwing a QuotaExceededError for the next `failures` calls, and every
 * `del` recorded.
 */
function quotaAfter(failures: { count: number }, deleted: string[]): OpenStore {
  return (dbName, storeName) => {
    const real = openIdbStore(dbName, storeName);
    const store: KeyValueStore = {
      ...real,
      set: async (key, value) => {
        if (failures.count > 0) {
          failures.count -= 1;
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        }
        await real.set(key, value);
      },
      del: async (key) => {
        deleted.push(key);
        await real.del(key);
      },
    };
    return store;
  };
}

describe("createImageCache", () => {
  it("round-trips a Blob with its type and bytes, and deletes it", async () => {
    const cache = createImageCache({ dbName: uniqueDbName(), maxBytes: 1_000 });
    const blob = new Blob([new Uint8Array([1, 2, 3, 250])], { type: "image/jpeg" });
    expect(await cache.put(url("a"), blob)).toEqual({
      isStored: true,
      evicted: [],
      wasStorageFull: false,
    });
    const back = await cache.get(url("a"));
    expect(back).toBeInstanceOf(Blob);
    expect(back?.type).toBe("image/jpeg");
    expect([...new Uint8Array(await (back as Blob).arrayBuffer())]).toEqual([1, 2, 3, 250]);
    expect(await cache.get(url("missing"))).toBeNull();
    expect(await cache.usage()).toEqual({ count: 1, bytes: 4 });

    await cache.delete(url("a"));
    expect(await cache.get(url("a"))).toBeNull();
    expect(await cache.usage()).toEqual({ count: 0, bytes: 0 });
  });

  it("keeps exact byte accounting, replacing an image under the same URL", async () => {
    const cache = createImageCache({
      dbName: uniqueDbName(),
      maxBytes: 1_000,
      now: tickingClock(),
    });
    await cache.put(url("a"), image(100));
    await cache.put(url("b"), image(250));
    expect(await cache.usage()).toEqual({ count: 2, bytes: 350 });
    await cache.put(url("a"), image(30));
    expect(await cache.usage()).toEqual({ count: 2, bytes: 280 });
  });

  it("evicts the oldest-stored images first to stay within maxBytes", async () => {
    const cache = createImageCache({ dbName: uniqueDbName(), maxBytes: 300, now: tickingClock() });
    await cache.put(url("1"), image(100));
    await cache.put(url("2"), image(100));
    await cache.put(url("3"), image(100));
    expect(await cache.usage()).toEqual({ count: 3, bytes: 300 }); // exactly full is fine

    // Reading does not refresh: "1" is still the oldest.
    expect(await cache.get(url("1"))).not.toBeNull();
    // needs 150: evicts "1" and "2", and says so
    expect((await cache.put(url("4"), image(150))).evicted).toEqual([url("1"), url("2")]);
    expect(await cache.get(url("1"))).toBeNull();
    expect(await cache.get(url("2"))).toBeNull();
    expect(await cache.get(url("3"))).not.toBeNull();
    expect(await cache.get(url("4"))).not.toBeNull();
    expect(await cache.usage()).toEqual({ count: 2, bytes: 250 });

    await cache.put(url("5"), image(50)); // fits exactly: evicts nothing
    expect(await cache.usage()).toEqual({ count: 3, bytes: 300 });
  });

  it("lists the cached URLs oldest first", async () => {
    const cache = createImageCache({
      dbName: uniqueDbName(),
      maxBytes: 1_000,
      now: tickingClock(),
    });
    await cache.put(url("b"), image(10));
    await cache.put(url("a"), image(10));
    expect(await cache.urls()).toEqual([url("b"), url("a")]);
    await cache.delete(url("b"));
    expect(await cache.urls()).toEqual([url("a")]);
  });

  it("replacing an image does not evict others to make room for its old bytes", async () => {
    const cache = createImageCache({ dbName: uniqueDbName(), maxBytes: 200, now: tickingClock() });
    await cache.put(url("a"), image(100));
    await cache.put(url("b"), image(100));
    await cache.put(url("b"), image(100)); // same size again: still fits
    expect(await cache.usage()).toEqual({ count: 2, bytes: 200 });
    await cache.put(url("a"), image(150)); // a is the oldest, but it is the one being replaced
    expect(await cache.get(url("b"))).toBeNull();
    expect(await cache.usage()).toEqual({ count: 1, bytes: 150 });
  });

  it("evictOldest frees room for bytesNeeded, oldest first, and returns what it evicted", async () => {
    const cache = createImageCache({ dbName: uniqueDbName(), maxBytes: 500, now: tickingClock() });
    await cache.put(url("c"), image(100)); // stored first despite its name
    await cache.put(url("a"), image(200));
    await cache.put(url("b"), image(100));
    expect(await cache.evictOldest(0)).toEqual([]); // 400 ≤ 500 already
    expect(await cache.evictOldest(100)).toEqual([]); // 400 + 100 ≤ 500
    expect(await cache.evictOldest(101)).toEqual([url("c")]);
    expect(await cache.usage()).toEqual({ count: 2, bytes: 300 });
    expect(await cache.evictOldest(450)).toEqual([url("a"), url("b")]);
    expect(await cache.usage()).toEqual({ count: 0, bytes: 0 });
  });

  it("refuses an image larger than the whole cache without evicting anything", async () => {
    const cache = createImageCache({ dbName: uniqueDbName(), maxBytes: 100, now: tickingClock() });
    await cache.put(url("small"), image(60));
    expect(await cache.put(url("huge"), image(101))).toEqual({
      isStored: false,
      evicted: [],
      wasStorageFull: false,
    });
    expect(await cache.get(url("huge"))).toBeNull();
    expect(await cache.usage()).toEqual({ count: 1, bytes: 60 });
  });

  it("stays within maxBytes when puts run concurrently", async () => {
    const cache = createImageCache({ dbName: uniqueDbName(), maxBytes: 300, now: tickingClock() });
    await Promise.all(["1", "2", "3", "4", "5"].map((name) => cache.put(url(name), image(100))));
    expect(await cache.usage()).toEqual({ count: 3, bytes: 300 });
    expect(await cache.get(url("5"))).not.toBeNull();
  });

  it("on a full disk evicts the oldest images and retries once", async () => {
    const failures = { count: 0 };
    const deleted: string[] = [];
    const cache = createImageCache({
      dbName: uniqueDbName(),
      maxBytes: 10_000,
      now: tickingClock(),
      openStore: quotaAfter(failures, deleted),
    });
    await cache.put(url("1"), image(100));
    await cache.put(url("2"), image(100));
    await cache.put(url("3"), image(100));

    failures.count = 1;
    expect(await cache.put(url("new"), image(150))).toEqual({
      isStored: true,
      evicted: [url("1"), url("2")],
      wasStorageFull: true,
    });
    expect(deleted).toEqual([url("1"), url("2")]); // at least 150 bytes freed, oldest first
    expect(await cache.get(url("new"))).not.toBeNull();
    expect(await cache.usage()).toEqual({ count: 2, bytes: 250 });
  });

  it("throws StorageFullError when the retry fails too", async () => {
    const failures = { count: 0 };
    const deleted: string[] = [];
    const cache = createImageCache({
      dbName: uniqueDbName(),
      maxBytes: 10_000,
      now: tickingClock(),
      openStore: quotaAfter(failures, deleted),
    });
    await cache.put(url("1"), image(100));
    failures.count = 2;
    const error = await cache.put(url("new"), image(50)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(String(error)).toMatch(/Could not save the image: the browser's storage/);
    expect(failures.count).toBe(0); // exactly two attempts: the write and one retry
    expect(deleted).toEqual([url("1")]);
    expect(await cache.get(url("new"))).toBeNull();

    // The cache still works afterwards.
    expect((await cache.put(url("later"), image(10))).isStored).toBe(true);
  });

  it("rethrows other write errors as they are", async () => {
    const boom = new Error("disk on fire");
    const cache = createImageCache({
      dbName: uniqueDbName(),
      maxBytes: 1_000,
      openStore: (dbName, storeName) => ({
        ...openIdbStore(dbName, storeName),
        set: () => Promise.reject(boom),
      }),
    });
    await expect(cache.put(url("a"), image(1))).rejects.toBe(boom);
  });

  it("never deletes run records or the draft, even sharing their dbName", async () => {
    const dbName = uniqueDbName();
    const history = createHistoryDb({ dbName });
    await history.putRun(makeRun("run-1"));
    await history.putRun(makeRun("run-2"));

    const failures = { count: 0 };
    const deleted: string[] = [];
    const cache = createImageCache({
      dbName,
      maxBytes: 200,
      now: tickingClock(),
      openStore: quotaAfter(failures, deleted),
    });
    for (const name of ["1", "2", "3", "4"]) await cache.put(url(name), image(100));
    failures.count = 1;
    await cache.put(url("5"), image(100));
    await cache.evictOldest(1_000);

    expect(deleted.every((key) => key.startsWith("https://"))).toBe(true);
    expect((await history.listRuns()).map((run) => run.id).sort()).toEqual(["run-1", "run-2"]);
    expect(await cache.usage()).toEqual({ count: 0, bytes: 0 });
  });

  it("drops an unreadable cache entry and treats it as missing", async () => {
    const dbName = uniqueDbName();
    await openIdbStore(dbName, "images").set(url("bad"), { blob: "not a blob" });
    const cache = createImageCache({ dbName, maxBytes: 100 });
    expect(await cache.usage()).toEqual({ count: 1, bytes: 0 });
    expect(await cache.get(url("bad"))).toBeNull();
    expect(await cache.usage()).toEqual({ count: 0, bytes: 0 });
  });

  it("refuses a nonsensical maxBytes", () => {
    expect(() => createImageCache({ maxBytes: Number.NaN })).toThrow(RangeError);
    expect(() => createImageCache({ maxBytes: -1 })).toThrow(RangeError);
  });
});
