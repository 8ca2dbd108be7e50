import type { BatchRecord } from "@/lib/batch/record";
import { errorMessage } from "@/lib/domain/app-error";
import { loadOnce } from "@/lib/domain/load-once";
import {
  isQuotaExceededError,
  type KeyValueStore,
  type OpenStore,
  openIdbStore,
  quotaSafeWrite,
  StorageFullError,
} from "@/lib/persist/idb";
import type { SweepRecord } from "@/lib/sweep/record";
import type { SweepSetup } from "@/lib/sweep/setup";
import { HistoryFormatError } from "./format-error";
import type { Draft, DraftImage, HistoryRun } from "./types";

/**
 * The record codecs (schemas and migrations), loaded at the first record to read or write: an
 * empty history never loads them (see `./codecs`).
 */
const codecs = loadOnce(() => import("./codecs"));

/** Picks the one migration a read needs from the (loaded) codecs. */
type PickMigration<T> = (loaded: Awaited<ReturnType<typeof codecs>>) => (raw: unknown) => T;

/**
 * The browser's history store: runs and the form draft in IndexedDB (through idb-keyval), each
 * written in a versioned envelope and migrated on every read (see `./records`).
 *
 * Layout: one IndexedDB database per store, named `${dbName}-${storeName}` (`kontext-playground-runs`,
 * `kontext-playground-drafts`; `…-run-times` indexes the runs by time, the image cache uses
 * `…-images`). idb-keyval's `createStore` only
 * creates its object store when it creates the database, so two stores in one database would fail
 * with `NotFoundError`; separate databases also mean clearing or evicting one can never touch
 * another.
 */

export interface HistoryDbOptions {
  /** Prefix of the IndexedDB database names; use a unique one per test. */
  dbName?: string;
  /** Clock for the envelopes' `savedAt`; `Date.now` by default. */
  now?: () => number;
  /**
   * Called for every stored record that cannot be read (newer format, damaged…), with its key
   * (the run id, or `"draft"`). The record stays stored untouched; only this read skips it.
   */
  onCorrupt?: (id: string, error: HistoryFormatError) => void;
  /** Test seam: how stores are opened; {@link openIdbStore} by default. */
  openStore?: OpenStore;
}

/** The runs and the draft, persisted in the browser. */
export interface HistoryDb {
  /**
   * Saves a run (replacing the one with the same id). Throws a {@link HistoryFormatError} for a run
   * that could not be read back, and a {@link StorageFullError} when the browser's storage is full.
   */
  putRun: (run: HistoryRun) => Promise<void>;
  /**
   * The run with this id, or null when there is none. Throws a {@link HistoryFormatError} (after
   * reporting it to `onCorrupt`) when the stored record cannot be read, so a caller never mistakes
   * an unreadable run for a missing one and overwrites it.
   */
  getRun: (id: string) => Promise<HistoryRun | null>;
  /**
   * Every readable run, newest first (by `createdAt`); unreadable ones go to `onCorrupt`. Also
   * brings the run index (see {@link HistoryDb.listNewestRuns}) up to date with the runs read.
   */
  listRuns: () => Promise<HistoryRun[]>;
  /**
   * Up to `count` of the newest runs (by `createdAt`), newest first, read through a small index of
   * run times without reading every record: what the history shows first while
   * {@link HistoryDb.listRuns} reads the rest. A hint only: runs missing from the index (saved
   * before it existed) are left out, and unreadable ones are skipped (`listRuns` reports them).
   */
  listNewestRuns: (count: number) => Promise<HistoryRun[]>;
  deleteRun: (id: string) => Promise<void>;
  /** Deletes every run (the draft and cached images stay). */
  clearRuns: () => Promise<void>;
  /** Saves a sweep (replacing the one with the same id). Throws like {@link HistoryDb.putRun}. */
  putSweep: (sweep: SweepRecord) => Promise<void>;
  /** Every readable sweep, newest first; unreadable ones go to `onCorrupt`. */
  listSweeps: () => Promise<SweepRecord[]>;
  deleteSweep: (id: string) => Promise<void>;
  /** Saves a batch (replacing the one with the same id). Throws like {@link HistoryDb.putRun}. */
  putBatch: (batch: BatchRecord) => Promise<void>;
  /** Every readable batch, newest first; unreadable ones go to `onCorrupt`. */
  listBatches: () => Promise<BatchRecord[]>;
  deleteBatch: (id: string) => Promise<void>;
  /** Saves the form draft. Throws like {@link HistoryDb.putRun}. */
  putDraft: (draft: Draft) => Promise<void>;
  /** The saved draft, or null when there is none or it cannot be read (reported to `onCorrupt`). */
  getDraft: () => Promise<Draft | null>;
  /**
   * Saves the form's input image (its bytes or URL), or deletes the saved one for null. Throws
   * like {@link HistoryDb.putRun}.
   */
  putDraftImage: (image: DraftImage | null) => Promise<void>;
  /** The saved input image, or null when there is none or it cannot be read (reported). */
  getDraftImage: () => Promise<DraftImage | null>;
  /** Saves the Sweep panel's setup (beside the draft). Throws like {@link HistoryDb.putRun}. */
  putSweepSetup: (setup: SweepSetup) => Promise<void>;
  /** The saved sweep setup, or null (none, or unreadable: reported to `onCorrupt`). */
  getSweepSetup: () => Promise<SweepSetup | null>;
}

/** Key of the form's input image in the drafts store. */
export const DRAFT_IMAGE_KEY = "draft-image";

/** Key of the one draft in the drafts store. */
export const DRAFT_KEY = "draft";
/** Key of the Sweep panel's setup in the drafts store. */
export const SWEEP_SETUP_KEY = "sweep-setup";

/** Opens the history in IndexedDB database(s) prefixed `dbName` (see the module comment). */
export function createHistoryDb(options: HistoryDbOptions = {}): HistoryDb {
  const {
    dbName = "kontext-playground",
    now = Date.now,
    onCorrupt,
    openStore = openIdbStore,
  } = options;
  const runs = openStore(dbName, "runs");
  /** Each run's `createdAt` by run id: the index {@link HistoryDb.listNewestRuns} reads. */
  const runTimes = openStore(dbName, "run-times");
  const drafts = openStore(dbName, "drafts");
  const sweeps = openStore(dbName, "sweeps");
  const batches = openStore(dbName, "batches");

  /** Tells `onCorrupt`; a throwing callback must not break the read that reports. */
  function report(id: string, error: HistoryFormatError): void {
    try {
      onCorrupt?.(id, error);
    } catch (callbackError) {
      console.error("history: onCorrupt threw", callbackError);
    }
  }

  /**
   * Every readable record of `store`, newest first by `createdAt`; unreadable ones go to
   * `onCorrupt`. The codecs load only when there is a record.
   */
  async function listRecords<T extends { createdAt: number }>(
    store: KeyValueStore,
    pick: PickMigration<T>,
  ): Promise<T[]> {
    const all = await store.entries();
    if (all.length === 0) return [];
    const migrate = pick(await codecs());
    const readable: T[] = [];
    for (const [id, raw] of all) {
      try {
        readable.push(migrate(raw));
      } catch (error) {
        report(id, asFormatError(error));
      }
    }
    return readable.sort((a, b) => b.createdAt - a.createdAt);
  }

  /**
   * The record at `key` in the drafts store, or null when there is none or it cannot be read
   * (reported to `onCorrupt`). The codecs load only when there is a record.
   */
  async function readDraftsRecord<T>(key: string, pick: PickMigration<T>): Promise<T | null> {
    const raw = await drafts.get(key);
    if (raw === undefined) return null;
    const migrate = pick(await codecs());
    try {
      return migrate(raw);
    } catch (error) {
      report(key, asFormatError(error));
      return null;
    }
  }

  /** Migrates a stored run, reporting (not throwing) when it cannot be read. */
  function readRun(
    migrateRun: (raw: unknown) => HistoryRun,
    id: string,
    raw: unknown,
  ): HistoryRun | HistoryFormatError {
    try {
      return migrateRun(raw);
    } catch (error) {
      const formatError = asFormatError(error);
      report(id, formatError);
      return formatError;
    }
  }

  /**
   * Index writes are hints: the record is what counts, and a missing entry is written again the
   * next time every run is read. A failure is logged, never thrown at the run's save.
   */
  function indexed(write: Promise<void>): Promise<void> {
    return write.catch((error: unknown) => {
      console.warn("history: the run index was not updated", error);
    });
  }

  /** Writes the index entries `readable` lacks and drops those of runs no longer stored. */
  async function syncIndex(readable: readonly HistoryRun[], ids: readonly string[]) {
    const times = new Map(await runTimes.entries());
    const writes = readable
      .filter((run) => times.get(run.id) !== run.createdAt)
      .map((run) => runTimes.set(run.id, run.createdAt));
    const stored = new Set(ids);
    const deletes = [...times.keys()].filter((id) => !stored.has(id)).map((id) => runTimes.del(id));
    await Promise.all([...writes, ...deletes]);
  }

  return {
    putRun: async (run) => {
      const { toStoredRun } = await codecs();
      const stored = toStoredRun(run, now());
      await quotaSafeWrite("the run", () => runs.set(run.id, stored));
      await indexed(runTimes.set(run.id, run.createdAt));
    },
    getRun: async (id) => {
      const raw = await runs.get(id);
      if (raw === undefined) return null;
      const { migrateRun } = await codecs();
      const run = readRun(migrateRun, id, raw);
      if (run instanceof HistoryFormatError) throw run;
      return run;
    },
    listRuns: async () => {
      const all = await runs.entries();
      const readable: HistoryRun[] = [];
      if (all.length > 0) {
        const { migrateRun } = await codecs();
        for (const [id, raw] of all) {
          const run = readRun(migrateRun, id, raw);
          if (!(run instanceof HistoryFormatError)) readable.push(run);
        }
      }
      void indexed(
        syncIndex(
          readable,
          all.map(([id]) => id),
        ),
      );
      return readable.sort(newestFirst);
    },
    listNewestRuns: async (count) => {
      const times = await runTimes.entries();
      const newest = times
        .filter((entry): entry is [string, number] => typeof entry[1] === "number")
        .sort(([a, at], [b, bt]) => bt - at || (a < b ? 1 : a > b ? -1 : 0))
        .slice(0, Math.max(0, count));
      if (newest.length === 0) return [];
      // The codecs load while the records are read: this is the history's first paint.
      const [found, { migrateRun }] = await Promise.all([
        Promise.all(newest.map(([id]) => runs.get(id))),
        codecs(),
      ]);
      const readable: HistoryRun[] = [];
      for (const raw of found) {
        if (raw === undefined) continue;
        try {
          readable.push(migrateRun(raw));
        } catch {
          // Reported by listRuns, which reads every record.
        }
      }
      return readable.sort(newestFirst);
    },
    deleteRun: async (id) => {
      await runs.del(id);
      await indexed(runTimes.del(id));
    },
    clearRuns: async () => {
      await runs.clear();
      await indexed(runTimes.clear());
    },
    putSweep: async (sweep) => {
      const { toStoredSweep } = await codecs();
      const stored = toStoredSweep(sweep, now());
      await quotaSafeWrite("the sweep", () => sweeps.set(sweep.id, stored));
    },
    listSweeps: () => listRecords(sweeps, (loaded) => loaded.migrateSweep),
    deleteSweep: (id) => sweeps.del(id),
    putBatch: async (batch) => {
      const { toStoredBatch } = await codecs();
      const stored = toStoredBatch(batch, now());
      await quotaSafeWrite("the batch", () => batches.set(batch.id, stored));
    },
    listBatches: () => listRecords(batches, (loaded) => loaded.migrateBatch),
    deleteBatch: (id) => batches.del(id),
    putDraft: async (draft) => {
      const { toStoredDraft } = await codecs();
      const stored = toStoredDraft(draft, now());
      await quotaSafeWrite("the draft", () => drafts.set(DRAFT_KEY, stored));
    },
    getDraft: () => readDraftsRecord(DRAFT_KEY, (loaded) => loaded.migrateDraft),
    putDraftImage: async (image) => {
      if (image === null) return drafts.del(DRAFT_IMAGE_KEY);
      const { toStoredDraftImage } = await codecs();
      const stored = toStoredDraftImage(image, now());
      await quotaSafeWrite("the input image", () => drafts.set(DRAFT_IMAGE_KEY, stored));
    },
    getDraftImage: () => readDraftsRecord(DRAFT_IMAGE_KEY, (loaded) => loaded.migrateDraftImage),
    putSweepSetup: async (setup) => {
      const { toStoredSweepSetup } = await codecs();
      const stored = toStoredSweepSetup(setup, now());
      await quotaSafeWrite("the sweep setup", () => drafts.set(SWEEP_SETUP_KEY, stored));
    },
    getSweepSetup: () => readDraftsRecord(SWEEP_SETUP_KEY, (loaded) => loaded.migrateSweepSetup),
  };
}

/** Newest `createdAt` first; ties by id, descending, so the order is stable. */
function newestFirst(a: HistoryRun, b: HistoryRun): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function asFormatError(error: unknown): HistoryFormatError {
  if (error instanceof HistoryFormatError) return error;
  const message = errorMessage(error);
  return new HistoryFormatError(
    `The stored record could not be read: ${message}`,
    "malformed",
    null,
    {
      cause: error,
    },
  );
}

export {
  isQuotaExceededError,
  type KeyValueStore,
  type OpenStore,
  openIdbStore,
  quotaSafeWrite,
  StorageFullError,
};
