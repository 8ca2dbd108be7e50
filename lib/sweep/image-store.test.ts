import { describe, expect, it } from "vitest";
import type { KeyValueStore } from "@/lib/persist/idb";
import { createSweepImageStore } from "./image-store";

/** An in-memory key-value store, with the raw records a test may look at or damage. */
function memory() {
  const records = new Map<string, unknown>();
  const opened: string[] = [];
  const store: KeyValueStore = {
    get: async (key) => records.get(key),
    set: async (key, value) => {
      records.set(key, value);
    },
    del: async (key) => {
      records.delete(key);
    },
    entries: async () => [...records.entries()],
    clear: async () => records.clear(),
  };
  return {
    records,
    opened,
    openStore: (dbName: string, storeName: string) => {
      opened.push(`${dbName}-${storeName}`);
      return store;
    },
  };
}

describe("the sweep image store", () => {
  it("keeps an image's bytes and name in a versioned record, in a database of its own", async () => {
    const db = memory();
    const images = createSweepImageStore({ openStore: db.openStore, now: () => 5 });
    expect(db.opened).toEqual([]);
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" });
    await images.put("img-1", { blob, name: "chair.png" });
    expect(db.opened).toEqual(["kontext-playground-sweep-images"]);
    expect(db.records.get("img-1")).toEqual({
      version: 1,
      data: { blob, name: "chair.png" },
      savedAt: 5,
    });
    const kept = await images.get("img-1");
    expect(kept?.name).toBe("chair.png");
    expect(new Uint8Array(await (kept?.blob ?? new Blob()).arrayBuffer())).toEqual(
      new Uint8Array([1, 2, 3]),
    );
  });

  it("reads nothing for an unknown id or a damaged record", async () => {
    const db = memory();
    const images = createSweepImageStore({ openStore: db.openStore });
    expect(await images.get("none")).toBeNull();
    db.records.set("bad", { version: 1, data: { blob: "not bytes", name: "x.png" } });
    expect(await images.get("bad")).toBeNull();
  });

  it("prunes the images no axis keeps", async () => {
    const db = memory();
    const images = createSweepImageStore({ openStore: db.openStore });
    for (const id of ["a", "b", "c"]) await images.put(id, { blob: new Blob(["x"]), name: id });
    expect(await images.prune(new Set(["b"]))).toBe(2);
    expect([...db.records.keys()]).toEqual(["b"]);
  });
});
