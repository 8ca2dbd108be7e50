import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import type { KeyValueStore } from "@/lib/persist/idb";
import { StorageFullError } from "@/lib/persist/idb";
import { createInputStore } from "./input-store";
import { hashOf, pngBytes } from "./test-support";

let db = 0;
const fresh = () => createInputStore({ dbName: `inputs-test-${++db}` });
const blob = (tag: number) =>
  new Blob([pngBytes(tag) as Uint8Array<ArrayBuffer>], { type: "image/png" });

describe("createInputStore", () => {
  it("keeps an input under its hash across opens of the same database", async () => {
    const name = `inputs-test-${++db}`;
    await createInputStore({ dbName: name }).put(hashOf(1), blob(1));
    const again = await createInputStore({ dbName: name }).get(hashOf(1));
    expect(again?.type).toBe("image/png");
    expect(new Uint8Array(await (again as Blob).arrayBuffer())).toEqual(pngBytes(1));
  });

  it("answers null for an input it does not have", async () => {
    expect(await fresh().get(hashOf(2))).toBeNull();
  });

  it("prunes the inputs no batch needs and keeps the rest", async () => {
    const store = fresh();
    await store.put(hashOf(1), blob(1));
    await store.put(hashOf(2), blob(2));
    await store.put(hashOf(3), blob(3));
    expect(await store.prune(new Set([hashOf(2)]))).toBe(2);
    expect(await store.hashes()).toEqual([hashOf(2)]);
  });

  it("says the storage is full when the browser refuses the write", async () => {
    const full: KeyValueStore = {
      get: async () => undefined,
      set: async () => {
        throw new DOMException("full", "QuotaExceededError");
      },
      del: async () => {},
      entries: async () => [],
      clear: async () => {},
    };
    const store = createInputStore({ openStore: () => full });
    await expect(store.put(hashOf(1), blob(1))).rejects.toBeInstanceOf(StorageFullError);
  });
});
