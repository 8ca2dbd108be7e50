import type { Page } from "@playwright/test";
import type { HistoryRun } from "@/lib/history/types";
import { completedRuns as buildCompletedRuns, storedRunRecords } from "@/tests/fixtures/history";
import { photo } from "./images";

/** Where the app keeps its runs: idb-keyval's store `runs` in the database `kontext-playground-runs`. */
const RUNS_DB = "kontext-playground-runs";
const RUNS_STORE = "runs";

/**
 * `count` completed runs as the app saves them, oldest first (a minute apart), each with a small
 * data-URI input and result, so nothing has to be fetched or cached. `patch` changes run `i`.
 */
export async function completedRuns(
  count: number,
  patch: (index: number, run: HistoryRun) => Partial<HistoryRun> = () => ({}),
): Promise<HistoryRun[]> {
  const png = `data:image/png;base64,${(await photo(320, 240)).toString("base64")}`;
  return buildCompletedRuns(count, {
    image: { url: png, width: 320, height: 240 },
    prefix: "seeded",
    startedAt: Date.now() - count * 60_000,
    patch,
  });
}

/**
 * Writes runs straight into the app's history database, in the envelope the app itself writes
 * (built by `toStoredRun`), then reloads the page so the app reads them.
 */
export async function seedHistory(page: Page, runs: readonly HistoryRun[]): Promise<void> {
  const records = storedRunRecords(runs);
  await page.evaluate(
    async ({ dbName, storeName, records }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onupgradeneeded = () => request.result.createObjectStore(storeName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(storeName, "readwrite");
        const store = transaction.objectStore(storeName);
        for (const { key, value } of records) store.put(value, key);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    },
    { dbName: RUNS_DB, storeName: RUNS_STORE, records },
  );
  await page.reload();
}
