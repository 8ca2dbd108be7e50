import {
  deleteKeysExcept,
  type KeyValueStore,
  type OpenStore,
  openIdbStore,
  quotaSafeWrite,
} from "@/lib/persist/idb";

/**
 * A batch's input files in the browser (IndexedDB through idb-keyval, a database of its own like
 * the image cache), under the SHA-256 of their bytes: the same image in two batches is stored
 * once, and a reload finds every input a pending item still needs. Writes reject with a
 * `StorageFullError` when the browser's storage is full.
 */
export interface InputStore {
  /** Stores `blob` under `hash` (nothing happens when it is there already). */
  put: (hash: string, blob: Blob) => Promise<void>;
  /** The stored input, or null. Never rejects. */
  get: (hash: string) => Promise<Blob | null>;
  /** Every stored hash. */
  hashes: () => Promise<string[]>;
  /** Deletes the inputs not in `keep` (no batch needs them any more); returns how many. */
  prune: (keep: ReadonlySet<string>) => Promise<number>;
}

export interface InputStoreOptions {
  /** Prefix of the IndexedDB database name (`kontext-playground-batch-inputs`). */
  dbName?: string;
  /** Test seam: how the store is opened. */
  openStore?: OpenStore;
}

/** Opens the input store lazily (creating it never touches IndexedDB). */
export function createInputStore(options: InputStoreOptions = {}): InputStore {
  const { dbName = "kontext-playground", openStore = openIdbStore } = options;
  let opened: KeyValueStore | null = null;
  const store = () => {
    opened ??= openStore(dbName, "batch-inputs");
    return opened;
  };
  return {
    put: async (hash, blob) => {
      if ((await store().get(hash)) instanceof Blob) return;
      await quotaSafeWrite("the batch's images", () => store().set(hash, blob));
    },
    get: async (hash) => {
      try {
        const value = await store().get(hash);
        return value instanceof Blob ? value : null;
      } catch {
        return null;
      }
    },
    hashes: async () => (await store().entries()).map(([key]) => key),
    prune: (keep) => deleteKeysExcept(store(), keep),
  };
}
