import type { Page } from "@playwright/test";
import { toStoredRun } from "@/lib/history/records";
import type { HistoryRun } from "@/lib/history/types";
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
  const startedAt = Date.now() - count * 60_000;
  return Array.from({ length: count }, (_, index) => {
    const createdAt = startedAt + index * 60_000;
    const run: HistoryRun = {
      id: `seeded-${String(index + 1).padStart(4, "0")}`,
      createdAt,
      finishedAt: createdAt + 1_500,
      status: "completed",
      requestId: `seeded-request-${index + 1}`,
      request: {
        image_url: png,
        prompt: `Seeded edit number ${index + 1}`,
        loras: [],
        num_inference_steps: 30,
        guidance_scale: 2.5,
        num_images: 1,
        output_format: "png",
        acceleration: "none",
        resolution_mode: "match_input",
        enable_safety_checker: true,
        sync_mode: true,
        seed: undefined,
      },
      output: {
        images: [{ url: png, width: 320, height: 240, content_type: "image/png" }],
        timings: { inference: 1.2 },
        seed: 1_000 + index,
        has_nsfw_concepts: [false],
        prompt: `Seeded edit number ${index + 1}`,
      },
      error: null,
      predictedSize: { width: 320, height: 240 },
      priceUsd: 0.035,
      inputThumbnail: null,
      parentId: null,
      isFavourite: false,
      backend: "local",
    };
    return { ...run, ...patch(index, run) };
  });
}

/**
 * Writes runs straight into the app's history database, in the envelope the app itself writes
 * (checked by `toStoredRun`), then reloads the page so the app reads them.
 */
export async function seedHistory(page: Page, runs: readonly HistoryRun[]): Promise<void> {
  const records = runs.map((run) => ({ key: run.id, value: toStoredRun(run, Date.now()) }));
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
