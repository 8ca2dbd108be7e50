import { clear, createStore, del, entries, get, set } from "idb-keyval";

/**
 * The few key-value operations the history needs. This is the test seam: production uses
 * {@link openIdbStore}; tests wrap it to simulate failures such as a full disk.
 */
export interface KeyValueStore {
  get: (key: string) => Promise<unknown>;
  set: (key: string, value: unknown) => Promise<void>;
  del: (key: string) => Promise<void>;
  entries: () => Promise<[string, unknown][]>;
  clear: () => Promise<void>;
}

/** Opens the key-value store `storeName` of the history database `dbName`. */
export type OpenStore = (dbName: string, storeName: string) => KeyValueStore;

/** The real store: the idb-keyval store `storeName` in the IndexedDB database `${dbName}-${storeName}`. */
export const openIdbStore: OpenStore = (dbName, storeName) => {
  const store = createStore(`${dbName}-${storeName}`, storeName);
  return {
    get: (key) => get<unknown>(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    entries: async () => {
      const all = await entries<IDBValidKey, unknown>(store);
      return all.map(([key, value]): [string, unknown] => [String(key), value]);
    },
    clear: () => clear(store),
  };
};

/** Deletes every entry of `store` whose key is not in `keep`; resolves to how many were deleted. */
export async function deleteKeysExcept(
  store: KeyValueStore,
  keep: ReadonlySet<string>,
): Promise<number> {
  let removed = 0;
  for (const [key] of await store.entries()) {
    if (keep.has(key)) continue;
    await store.del(key);
    removed += 1;
  }
  return removed;
}

/** The browser refused a write because its storage for this site is full. */
export class StorageFullError extends Error {
  override readonly name = "StorageFullError";

  constructor(what: string, options?: { cause?: unknown }) {
    super(
      `Could not save ${what}: the browser's storage for this site is full. ` +
        "Delete some history or cached images, or free up disk space, and try again.",
      options,
    );
  }
}

/**
 * Whether `error` is the browser's "storage is full" error: a `QuotaExceededError` DOMException
 * (legacy code 22), or Firefox's older `NS_ERROR_DOM_QUOTA_REACHED`.
 */
export function isQuotaExceededError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22;
}

/** Runs a write, turning a quota error into a {@link StorageFullError}. */
export async function quotaSafeWrite(what: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isQuotaExceededError(error)) throw new StorageFullError(what, { cause: error });
    throw error;
  }
}

/** Options of {@link createHistoryDb}. */
