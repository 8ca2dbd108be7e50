import {
  isQuotaExceededError,
  type OpenStore,
  openIdbStore,
  quotaSafeWrite,
} from "@/lib/persist/idb";

/**
 * A size-capped cache of output images (fal's CDN URLs expire), keyed by URL, in IndexedDB.
 *
 * It lives in its own database (`${dbName}-images`, see `./db`), so eviction can only ever delete
 * cached images, never run records or the draft. Images are evicted oldest-stored first (reading an
 * image does not refresh it), both to stay under `maxBytes` and when the browser's storage is full.
 *
 * Blobs are stored as they are: IndexedDB structured-clones Blobs in every current browser, and so
 * does fake-indexeddb on Node 20 (its `structuredClone` keeps Blobs), so no ArrayBuffer detour is
 * needed.
 */

/** One cached image as stored. */
interface CacheEntry {
  blob: Blob;
  /** `blob.size`, kept so usage is counted without touching the blobs. */
  bytes: number;
  /** When it was stored, in milliseconds since the epoch. */
  storedAt: number;
}

/** What the cache holds. */
export interface CacheUsage {
  count: number;
  bytes: number;
}

/** Options of {@link createImageCache}. */
export interface ImageCacheOptions {
  /** Prefix of the IndexedDB database name (the history's); use a unique one per test. */
  dbName?: string;
  /** The most bytes of images kept; older images are evicted to stay within it. */
  maxBytes: number;
  /** Clock for `storedAt`; `Date.now` by default. */
  now?: () => number;
  /** Test seam: how the store is opened (see `./db`); `openIdbStore` by default. */
  openStore?: OpenStore;
}

/** What {@link ImageCache.put} did. */
export interface PutOutcome {
  /** False, with nothing stored, for an image larger than `maxBytes`. */
  isStored: boolean;
  /** URLs of the older images evicted to make room, oldest first. */
  evicted: string[];
  /** The browser's storage was full: images were evicted to make room in it (not just the cap). */
  wasStorageFull: boolean;
}

/** Output images kept in the browser, oldest evicted first. */
export interface ImageCache {
  /**
   * Caches `blob` under `url` (replacing any image there), first evicting the oldest other images
   * so the cache stays within `maxBytes`. When the browser's storage is full, evicts the oldest
   * other images (at least the new image's size) and retries once, then throws a
   * `StorageFullError`. Stores nothing for an image larger than `maxBytes`.
   */
  put: (url: string, blob: Blob) => Promise<PutOutcome>;
  /** The cached image, or null. */
  get: (url: string) => Promise<Blob | null>;
  delete: (url: string) => Promise<void>;
  /** Every cached URL, oldest stored first. */
  urls: () => Promise<string[]>;
  usage: () => Promise<CacheUsage>;
  /**
   * Deletes the oldest-stored images until `bytesNeeded` more bytes fit within `maxBytes`, and
   * returns the evicted URLs, oldest first.
   */
  evictOldest: (bytesNeeded: number) => Promise<string[]>;
}

/** A stored entry as listed; unreadable entries count as oldest and empty, so they go first. */
interface Listed {
  url: string;
  bytes: number;
  storedAt: number;
}

/** Opens the image cache in the IndexedDB database `${dbName}-images`. */
export function createImageCache(options: ImageCacheOptions): ImageCache {
  const {
    dbName = "kontext-playground",
    maxBytes,
    now = Date.now,
    openStore = openIdbStore,
  } = options;
  if (!(Number.isFinite(maxBytes) && maxBytes >= 0)) {
    throw new RangeError(`maxBytes must be a finite number of bytes ≥ 0, not ${maxBytes}`);
  }
  const store = openStore(dbName, "images");

  // Operations run one at a time, so concurrent puts cannot both count the same free room.
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = queue.then(operation, operation);
    queue = result.catch(() => {});
    return result;
  }

  /** Every entry except `except`, oldest stored first (ties by URL). */
  async function listOldestFirst(except: string | null): Promise<Listed[]> {
    const listed: Listed[] = [];
    for (const [url, value] of await store.entries()) {
      if (url === except) continue;
      const entry = asEntry(value);
      listed.push(
        entry
          ? { url, bytes: entry.bytes, storedAt: entry.storedAt }
          : { url, bytes: 0, storedAt: Number.NEGATIVE_INFINITY },
      );
    }
    return listed.sort(
      (a, b) => a.storedAt - b.storedAt || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0),
    );
  }

  /** Deletes the oldest entries (never `keep`) until `isEnough(bytesLeft, bytesFreed)`. */
  async function evictUntil(
    keep: string | null,
    isEnough: (bytesLeft: number, bytesFreed: number) => boolean,
  ): Promise<string[]> {
    const listed = await listOldestFirst(keep);
    let bytesLeft = listed.reduce((sum, entry) => sum + entry.bytes, 0);
    let bytesFreed = 0;
    const evicted: string[] = [];
    for (const entry of listed) {
      if (isEnough(bytesLeft, bytesFreed)) break;
      await store.del(entry.url);
      bytesLeft -= entry.bytes;
      bytesFreed += entry.bytes;
      evicted.push(entry.url);
    }
    return evicted;
  }

  /** Evicts until `bytesNeeded` more bytes fit within `maxBytes` (not counting `keep`). */
  function makeRoom(bytesNeeded: number, keep: string | null): Promise<string[]> {
    return evictUntil(keep, (bytesLeft) => bytesLeft + bytesNeeded <= maxBytes);
  }

  return {
    put: (url, blob) =>
      exclusive(async () => {
        const bytes = blob.size;
        if (bytes > maxBytes) return { isStored: false, evicted: [], wasStorageFull: false };
        const evicted = await makeRoom(bytes, url);
        const entry: CacheEntry = { blob, bytes, storedAt: now() };
        try {
          await store.set(url, entry);
        } catch (error) {
          if (!isQuotaExceededError(error)) throw error;
          // The browser's quota is shared with everything else, so free at least what we write.
          evicted.push(...(await evictUntil(url, (_bytesLeft, bytesFreed) => bytesFreed >= bytes)));
          await quotaSafeWrite("the image", () => store.set(url, entry));
          return { isStored: true, evicted, wasStorageFull: true };
        }
        return { isStored: true, evicted, wasStorageFull: false };
      }),
    // Reads do not queue behind writes and evictions (a gallery showing images must not wait for
    // background caching); a read racing a write of the same URL sees either image, both fine.
    get: async (url) => {
      const value = await store.get(url);
      if (value === undefined) return null;
      const entry = asEntry(value);
      if (!entry) {
        await exclusive(() => store.del(url)); // an unreadable cache entry is useless; drop it
        return null;
      }
      return entry.blob;
    },
    delete: (url) => exclusive(() => store.del(url)),
    urls: () => exclusive(async () => (await listOldestFirst(null)).map((entry) => entry.url)),
    usage: () =>
      exclusive(async () => {
        const listed = await listOldestFirst(null);
        return { count: listed.length, bytes: listed.reduce((sum, entry) => sum + entry.bytes, 0) };
      }),
    evictOldest: (bytesNeeded) => exclusive(() => makeRoom(bytesNeeded, null)),
  };
}

/** The stored value as a cache entry, or null when it is not one. */
function asEntry(value: unknown): CacheEntry | null {
  if (typeof value !== "object" || value === null) return null;
  const { blob, bytes, storedAt } = value as Partial<Record<keyof CacheEntry, unknown>>;
  if (!(blob instanceof Blob) || typeof bytes !== "number" || typeof storedAt !== "number") {
    return null;
  }
  return { blob, bytes, storedAt };
}
