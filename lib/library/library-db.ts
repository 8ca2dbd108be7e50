import { createStore, entries, promisifyRequest } from "idb-keyval";
import { loadOnce } from "@/lib/domain/load-once";
import { quotaSafeWrite } from "@/lib/persist/idb";
import { LibraryFormatError } from "./format-error";
import type { LibraryEnvelope } from "./library-records";
import type { LibraryChange, LibraryContents, LoraPreview, UserLora } from "./types";

/**
 * The LoRA library in the browser: saved LoRAs and pinned previews in their own IndexedDB
 * database, `${dbName}-library` (one object store, `library`; see `lib/history/db` for why every
 * store has its own database). Keys are `lora:<id>` and `preview:<path>`; values are versioned
 * envelopes (see `./library-records`), migrated on every read.
 */

/** The key-value operations the library needs; the test seam (production: IndexedDB). */
export interface LibraryKeyValueStore {
  entries: () => Promise<[string, unknown][]>;
  /** Writes `puts` and deletes `deletes` in one transaction: all of it happens, or none. */
  apply: (puts: readonly [string, unknown][], deletes: readonly string[]) => Promise<void>;
}

/** Opens the library store of the database prefix `dbName`. */
export type OpenLibraryStore = (dbName: string) => LibraryKeyValueStore;

/** The real store: object store `library` of the IndexedDB database `${dbName}-library`. */
export const openIdbLibraryStore: OpenLibraryStore = (dbName) => {
  const store = createStore(`${dbName}-library`, "library");
  return {
    entries: async () => {
      const all = await entries<IDBValidKey, unknown>(store);
      return all.map(([key, value]): [string, unknown] => [String(key), value]);
    },
    apply: (puts, deletes) =>
      store("readwrite", (objectStore) => {
        try {
          for (const key of deletes) objectStore.delete(key);
          for (const [key, value] of puts) objectStore.put(value, key);
        } catch (error) {
          // A request that throws (a value that cannot be stored) must not leave the others to
          // commit on their own.
          objectStore.transaction.abort();
          throw error;
        }
        return promisifyRequest(objectStore.transaction);
      }),
  };
};

/** Options of {@link createLibraryDb}. */
export interface LibraryDbOptions {
  /** Prefix of the IndexedDB database name (`${dbName}-library`); use a unique one per test. */
  dbName?: string;
  /** Clock for the envelopes' `savedAt`; `Date.now` by default. */
  now?: () => number;
  /**
   * Called for every stored record that cannot be read (newer format, damaged…), with its key.
   * The record stays stored untouched; only this read skips it.
   */
  onCorrupt?: (key: string, error: LibraryFormatError) => void;
  /** Test seam: how the store is opened; {@link openIdbLibraryStore} by default. */
  openStore?: OpenLibraryStore;
}

/** The library, persisted in the browser. */
export interface LibraryDb {
  /** Every readable LoRA (oldest first) and preview; unreadable ones go to `onCorrupt`. */
  load: () => Promise<LibraryContents>;
  /**
   * Writes a change in one transaction. Throws a {@link LibraryFormatError} (before writing
   * anything) for a record that could not be read back, and a `StorageFullError` when the
   * browser's storage is full; either way nothing of the change is written.
   */
  write: (change: LibraryChange) => Promise<void>;
}

/**
 * The record codecs (schemas and migrations), loaded at the first record to read or write: an empty
 * library (a first visit) never loads them.
 */
const codecs = loadOnce(() => import("./library-records"));

/** The key of a saved LoRA. */
export function loraKey(id: string): string {
  return `lora:${id}`;
}

/** The key of a preview (one per LoRA path). */
export function previewKey(path: string): string {
  return `preview:${path}`;
}

/** Opens the library in the IndexedDB database `${dbName}-library`. */
export function createLibraryDb(options: LibraryDbOptions = {}): LibraryDb {
  const {
    dbName = "kontext-playground",
    now = Date.now,
    onCorrupt,
    openStore = openIdbLibraryStore,
  } = options;
  const store = openStore(dbName);

  function report(key: string, error: unknown): void {
    const formatError =
      error instanceof LibraryFormatError
        ? error
        : new LibraryFormatError(
            `The stored record could not be read: ${String(error)}`,
            "malformed",
          );
    try {
      onCorrupt?.(key, formatError);
    } catch (callbackError) {
      console.error("library: onCorrupt threw", callbackError);
    }
  }

  return {
    load: async () => {
      const loras: UserLora[] = [];
      const previews: LoraPreview[] = [];
      const all = await store.entries();
      if (all.length === 0) return { loras, previews };
      const { migratePreview, migrateUserLora } = await codecs();
      for (const [key, raw] of all) {
        try {
          if (key.startsWith("lora:")) loras.push(migrateUserLora(raw));
          else if (key.startsWith("preview:")) previews.push(migratePreview(raw));
          else throw new LibraryFormatError(`Unknown library record ${key}.`, "not-a-record");
        } catch (error) {
          report(key, error);
        }
      }
      loras.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
      previews.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return { loras, previews };
    },
    write: async (change) => {
      const { putLoras = [], putPreviews = [] } = change;
      const deletes = [
        ...(change.deleteLoraIds ?? []).map(loraKey),
        ...(change.deletePreviewPaths ?? []).map(previewKey),
      ];
      if (putLoras.length === 0 && putPreviews.length === 0 && deletes.length === 0) return;
      const { toLibraryEnvelope } = await codecs();
      const savedAt = now();
      const puts: [string, LibraryEnvelope<UserLora | LoraPreview>][] = [
        ...putLoras.map((lora): [string, LibraryEnvelope<UserLora>] => [
          loraKey(lora.id),
          toLibraryEnvelope("lora", lora, savedAt),
        ]),
        ...putPreviews.map((preview): [string, LibraryEnvelope<LoraPreview>] => [
          previewKey(preview.path),
          toLibraryEnvelope("preview", preview, savedAt),
        ]),
      ];
      await quotaSafeWrite("the LoRA library", () => store.apply(puts, deletes));
    },
  };
}
