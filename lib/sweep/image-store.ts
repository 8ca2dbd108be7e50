import { HISTORY_RECORDS } from "@/lib/history/records";
import * as z from "@/lib/kontext/zod";
import {
  deleteKeysExcept,
  type KeyValueStore,
  type OpenStore,
  openIdbStore,
  quotaSafeWrite,
} from "@/lib/persist/idb";
import { type RecordFormat, unwrap, wrap } from "@/lib/persist/versioned-record";

/**
 * The images chosen for a sweep's `image` axis, kept in the browser across reloads like the
 * form's input image: the file the person chose (its bytes, before any downscaling, so the
 * downscale setting still applies when it is read again) and its name, in a versioned record,
 * under the id the sweep setup names it by. Never a `blob:` URL.
 */
export interface SweepImageFile {
  blob: Blob;
  name: string;
}

const sweepImageFileSchema = z.object({ blob: z.instanceof(Blob), name: z.string() });

/** How a sweep image is stored, with the history's records (added in format 1). */
const SWEEP_IMAGE_FORMAT: RecordFormat<typeof sweepImageFileSchema> = {
  family: HISTORY_RECORDS,
  what: "sweep image",
  schema: sweepImageFileSchema,
};

/** The sweep images kept in the browser. Writes reject with a `StorageFullError` when full. */
export interface SweepImageStore {
  /** Keeps an image under `id` (replacing any kept under it). */
  put: (id: string, image: SweepImageFile) => Promise<void>;
  /** The image kept under `id`, or null when there is none or it cannot be read. Never rejects. */
  get: (id: string) => Promise<SweepImageFile | null>;
  /** Deletes every image whose id is not in `keep`; returns how many were deleted. */
  prune: (keep: ReadonlySet<string>) => Promise<number>;
}

export interface SweepImageStoreOptions {
  /** Prefix of the IndexedDB database name (`kontext-playground-sweep-images`). */
  dbName?: string;
  /** Test seam: how the store is opened. */
  openStore?: OpenStore;
  /** Clock for the records' `savedAt`. */
  now?: () => number;
}

/** Opens the sweep image store lazily (creating it never touches IndexedDB). */
export function createSweepImageStore(options: SweepImageStoreOptions = {}): SweepImageStore {
  const { dbName = "kontext-playground", openStore = openIdbStore, now = Date.now } = options;
  let opened: KeyValueStore | null = null;
  const store = () => {
    opened ??= openStore(dbName, "sweep-images");
    return opened;
  };
  return {
    put: async (id, image) => {
      const stored = wrap(SWEEP_IMAGE_FORMAT, image, now());
      await quotaSafeWrite("the sweep's images", () => store().set(id, stored));
    },
    get: async (id) => {
      try {
        const raw = await store().get(id);
        return raw === undefined ? null : unwrap(SWEEP_IMAGE_FORMAT, raw);
      } catch {
        return null;
      }
    },
    prune: (keep) => deleteKeysExcept(store(), keep),
  };
}
