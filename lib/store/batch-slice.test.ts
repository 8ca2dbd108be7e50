import { unzipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import type { InputStore } from "@/lib/batch/input-store";
import { fileOf, jpegBytes, pdfBytes, pngBytes } from "@/lib/batch/test-support";
import { GuardRefusalError } from "@/lib/fal/guard-errors";
import type { KontextRequest } from "@/lib/kontext/schema";
import {
  selectActiveBatchesSummary,
  selectBatchProgress,
  selectBatchRunIds,
  selectPendingBatchCost,
} from "./batch-selectors";
import { createPlaygroundStore } from "./playground-store";
import type { PlaygroundStore } from "./state";
import { fakeHistory, fakeServices, output, savedRun, tick } from "./test-support";
import type { PlaygroundServices, PreparedFile } from "./types";

/** An in-memory input store. */
function fakeInputs() {
  const stored = new Map<string, Blob>();
  const inputs: InputStore = {
    put: async (hash, blob) => {
      stored.set(hash, blob);
    },
    get: async (hash) => stored.get(hash) ?? null,
    hashes: async () => [...stored.keys()],
    prune: async (keep) => {
      let removed = 0;
      for (const key of [...stored.keys()]) {
        if (!keep.has(key)) {
          stored.delete(key);
          removed += 1;
        }
      }
      return removed;
    },
  };
  return { inputs, stored };
}

/** Sizes by file name (`prepareFile` answers them), else 1200×800. */
const SIZES: Record<string, { width: number; height: number }> = {
  "big.jpg": { width: 4000, height: 3000 },
};

async function setup(overrides: Partial<PlaygroundServices> = {}, history = fakeHistory()) {
  const inputs = fakeInputs();
  const prepared: boolean[] = [];
  let clock = 1_000;
  const fake = fakeServices({
    history: history.history,
    batchInputs: inputs.inputs,
    now: () => clock,
    prepareFile: async (file, options): Promise<PreparedFile> => {
      prepared.push(options.downscale);
      return {
        file,
        ...(SIZES[file.name] ?? { width: 1200, height: 800 }),
        originalBytes: file.size,
        originalSize: null,
      };
    },
    ...overrides,
  });
  const store = createPlaygroundStore(fake.services);
  await store.getState().hydrate();
  store.getState().setPrompt("make it snow");
  return {
    store,
    ...fake,
    history,
    inputs,
    prepared,
    setClock: (value: number) => {
      clock = value;
    },
  };
}

const images = (count: number, start = 1) =>
  Array.from({ length: count }, (_, i) => fileOf(`chair-${i + start}.png`, pngBytes(i + start)));

async function settle() {
  for (let i = 0; i < 6; i++) await tick();
}

/** Creates and starts a batch of `count` images. */
async function started(count: number, overrides: Partial<PlaygroundServices> = {}) {
  const context = await setup(overrides);
  const { store } = context;
  await store.getState().addBatchFiles(images(count));
  const id = await store.getState().createBatch({ seedMode: "per-image" });
  if (!id) throw new Error(store.getState().batchError ?? "no batch");
  expect(await store.getState().startBatch(id)).toEqual({ ok: true });
  await settle();
  return { ...context, id };
}

const batchOf = (store: PlaygroundStore, id: string) => {
  const batch = store.getState().batches.find((each) => each.id === id);
  if (!batch) throw new Error(`no batch ${id}`);
  return batch;
};
const statuses = (store: PlaygroundStore, id: string) =>
  batchOf(store, id).items.map((item) => item.status);

describe("gathering inputs", () => {
  it("keeps images, lists non-images and duplicates with the reason, and reads each image's size", async () => {
    const { store, prepared } = await setup();
    await store
      .getState()
      .addBatchFiles([
        fileOf("chair.png", pngBytes(1)),
        fileOf("invoice.jpg", pdfBytes()),
        fileOf("chair copy.png", pngBytes(1)),
        fileOf("big.jpg", jpegBytes(2)),
      ]);
    const state = store.getState();
    expect(state.batchInputs.map((input) => [input.input.name, input.input.width])).toEqual([
      ["chair.png", 1200],
      ["big.jpg", 4000],
    ]);
    expect(state.batchProblems).toEqual([
      "invoice.jpg: not an image (JPEG, PNG, WebP, GIF or AVIF)",
      "chair copy.png: the same image as chair.png",
    ]);
    // Downscaled as single uploads are (the form's setting, on by default).
    expect(prepared).toEqual([true, true]);
    // Per-image cost from each image's own size: 1200×800 → 1 MP, 4000×3000 → 2 MP.
    const cost = selectPendingBatchCost(state);
    expect(cost.items.map((item) => item?.price.usd)).toEqual([0.035, 0.07]);
    expect(cost.usd).toBe(0.105);
  });

  it("reads a CSV of URLs with per-image prompts, naming rows it could not use by line", async () => {
    const { store } = await setup({
      probeUrl: async (url) => {
        if (url.includes("gone")) throw new Error("The image at that URL could not be loaded");
        return { width: 800, height: 600 };
      },
    });
    await store
      .getState()
      .addBatchList(
        "url,prompt\nhttps://cdn.example/chair.jpg,make it red\nnot-a-url,x\nhttps://cdn.example/gone.jpg,y\n",
      );
    const state = store.getState();
    expect(state.batchInputs.map((input) => [input.key, input.prompt])).toEqual([
      ["https://cdn.example/chair.jpg", "make it red"],
    ]);
    expect(state.batchProblems).toEqual([
      "Line 3: not an http(s) URL",
      "Line 4: The image at that URL could not be loaded",
    ]);
  });

  it("gives dropped files the prompts a CSV dropped with them names", async () => {
    const { store } = await setup();
    const csv = new File(["file,prompt\nchair-2.png,paint it blue\nmissing.png,x\n"], "list.csv", {
      type: "text/csv",
    });
    await store.getState().addBatchFiles([...images(2), csv]);
    const state = store.getState();
    expect(state.batchInputs.map((input) => input.prompt)).toEqual([null, "paint it blue"]);
    expect(state.batchProblems).toEqual(["Line 3: missing.png is not among the added files"]);
  });
});

describe("creating and starting a batch", () => {
  it("takes the recipe from the form, with a seed recorded per image", async () => {
    const { store, history } = await setup();
    store.getState().addLora({ path: "https://loras.example/snow.safetensors", scale: 0.5 });
    await store.getState().addBatchFiles(images(3));
    const id = await store.getState().createBatch({ seedMode: "per-image" });
    const batch = batchOf(store, id as string);
    expect(batch.recipe.request).toMatchObject({
      prompt: "make it snow",
      loras: [{ path: "https://loras.example/snow.safetensors", scale: 0.5 }],
    });
    const seeds = batch.items.map((item) => item.seed);
    expect(new Set(seeds).size).toBe(3);
    expect(batch.startedAt).toBeNull();
    expect(batch.budgetUsd).toBe(5);
    expect(store.getState().batchInputs).toEqual([]);
    await settle();
    expect(history.batches.get(id as string)?.items).toHaveLength(3);
  });

  it("takes the recipe of a history run and its seed when the seed is fixed", async () => {
    const { store } = await setup({}, fakeHistory({ runs: [savedRun()] }));
    await store.getState().addBatchFiles(images(1));
    const id = await store
      .getState()
      .createBatch({ source: { kind: "run", runId: "saved-1" }, seedMode: "fixed" });
    const batch = batchOf(store, id as string);
    expect(batch.recipe).toMatchObject({ seed: 9, sourceRunId: "saved-1" });
    expect(batch.recipe.request.prompt).toBe("saved prompt");
    expect(batch.items[0]?.seed).toBe(9);
  });

  it("refuses to create a batch from a form with errors, saying what to fix", async () => {
    const { store } = await setup();
    store.getState().setPrompt("");
    await store.getState().addBatchFiles(images(1));
    expect(await store.getState().createBatch({ seedMode: "fixed" })).toBeNull();
    expect(store.getState().batchError).toBe(
      "Fix the form first: Write a prompt: say what to change in the image",
    );
  });

  it("does not start above its budget until the cost is confirmed", async () => {
    const { store, calls } = await setup();
    await store.getState().addBatchFiles(images(3));
    const id = (await store
      .getState()
      .createBatch({ seedMode: "fixed", budgetUsd: 0.1 })) as string;
    const refused = await store.getState().startBatch(id);
    expect(refused).toMatchObject({ ok: false, reason: "over-budget", cost: { usd: 0.105 } });
    await settle();
    expect(calls.uploads).toBe(0);
    expect(await store.getState().startBatch(id, { isOverBudgetConfirmed: true })).toEqual({
      ok: true,
    });
  });
});

describe("the runner", () => {
  it("runs two at a time through the single-run path, uploading the next ones just ahead", async () => {
    const { store, id, calls, watchers } = await started(5);
    expect(calls.submitted).toHaveLength(2);
    // Two for the running items and two ahead of their turn; the fifth waits.
    expect(calls.uploads).toBe(4);
    expect(statuses(store, id)).toEqual(["running", "running", "queued", "queued", "queued"]);
    // Each item is a run of its own, hidden from the run list by selectBatchRunIds.
    expect(selectBatchRunIds(store.getState()).size).toBe(2);
    watchers.get("req-1")?.done.resolve();
    await settle();
    expect(statuses(store, id)).toEqual(["done", "running", "running", "queued", "queued"]);
    // The third item was uploaded ahead, so it runs at once; the fifth is now uploaded ahead.
    expect(calls.uploads).toBe(5);
    expect(calls.submitted[2]?.image_url).toBe("https://storage.example/upload-3.png");
  });

  it("sends each item's own prompt and seed with the recipe", async () => {
    const { store, id, calls } = await started(2);
    const items = batchOf(store, id).items;
    expect(calls.submitted.map((request) => request.seed)).toEqual(items.map((item) => item.seed));
    expect(calls.submitted.every((request) => request.prompt === "make it snow")).toBe(true);
  });

  it("pauses and resumes: running items finish, nothing new starts while paused", async () => {
    const { store, id, calls, watchers } = await started(4);
    await store.getState().pauseBatch(id);
    watchers.get("req-1")?.done.resolve();
    await settle();
    expect(calls.submitted).toHaveLength(2);
    expect(statuses(store, id)).toEqual(["done", "running", "queued", "queued"]);
    await store.getState().resumeBatch(id);
    await settle();
    expect(calls.submitted).toHaveLength(3);
  });

  it("moves an item to the front of the queue", async () => {
    const { store, id, calls, watchers } = await started(5);
    const last = batchOf(store, id).items[4]?.id as string;
    await store.getState().moveBatchItemToFront(id, last);
    await settle();
    watchers.get("req-1")?.done.resolve();
    await settle();
    expect(calls.submitted[2]?.seed).toBe(batchOf(store, id).items[4]?.seed);
    expect(statuses(store, id)[4]).toBe("running");
  });

  it("changes how many run at once while it runs", async () => {
    const { store, id, calls } = await started(5);
    await store.getState().setBatchConcurrency(id, 4);
    await settle();
    expect(calls.submitted).toHaveLength(4);
  });

  it("cancels the batch: queued items at once, running ones through their runs", async () => {
    const { store, id, calls } = await started(4);
    await store.getState().cancelBatch(id);
    await settle();
    expect(calls.cancelled).toEqual(["req-1", "req-2"]);
    expect(statuses(store, id)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);
  });

  it("marks a failed item with the reason and retries the failed ones", async () => {
    let failures = 1;
    const { store, id, watchers, calls } = await started(2, {
      result: async (requestId) => {
        if (requestId === "req-1" && failures-- > 0) throw new Error("The engine crashed");
        const request = calls.submitted[Number(requestId.slice(4)) - 1];
        return {
          images: [
            {
              url: `https://cdn.example/${requestId}.png`,
              width: 1200,
              height: 800,
              content_type: "image/png",
            },
          ],
          timings: {},
          seed: request?.seed ?? 0,
          has_nsfw_concepts: [false],
          prompt: request?.prompt ?? "",
        };
      },
    });
    watchers.get("req-1")?.done.resolve();
    await settle();
    const failed = batchOf(store, id).items[0];
    expect(failed).toMatchObject({ status: "failed", error: "The engine crashed" });
    const failedRun = failed?.runId as string;
    await store.getState().retryFailedBatchItems(id);
    await settle();
    expect(statuses(store, id)[0]).toBe("running");
    expect(store.getState().runs.some((run) => run.id === failedRun)).toBe(false);
    // Its upload is kept: the retry sends the same image URL.
    expect(calls.submitted[2]?.image_url).toBe(calls.submitted[0]?.image_url);
  });
});

describe("uploads", () => {
  it("fails an item whose upload fails, with the reason, and goes on with the next", async () => {
    let uploads = 0;
    const { store, id, calls } = await started(3, {
      upload: async () => {
        uploads += 1;
        if (uploads === 1) throw new Error("Storage is down");
        return `https://storage.example/ok-${uploads}.png`;
      },
    });
    expect(batchOf(store, id).items[0]).toMatchObject({
      status: "failed",
      error: "The image could not be uploaded: Storage is down",
    });
    expect(statuses(store, id)).toEqual(["failed", "running", "running"]);
    expect(calls.submitted).toHaveLength(2);
  });

  it("cancels an item while it uploads: no run starts when the upload ends", async () => {
    const pending: ((url: string) => void)[] = [];
    const { store, id, calls } = await started(1, {
      upload: () => new Promise<string>((resolve) => pending.push(resolve)),
    });
    expect(statuses(store, id)).toEqual(["uploading"]);
    await store.getState().cancelBatch(id);
    for (const resolve of pending) resolve("https://storage.example/late.png");
    await settle();
    expect(statuses(store, id)).toEqual(["cancelled"]);
    expect(calls.submitted).toEqual([]);
  });

  it("uploads an image once for two batches holding it", async () => {
    const { store, calls } = await setup();
    await store.getState().addBatchFiles(images(1));
    const first = (await store.getState().createBatch({ seedMode: "fixed" })) as string;
    await store.getState().addBatchFiles(images(1));
    const second = (await store.getState().createBatch({ seedMode: "fixed" })) as string;
    await store.getState().startBatch(first);
    await store.getState().startBatch(second);
    await settle();
    expect(calls.uploads).toBe(1);
    expect(calls.submitted.map((request) => request.image_url)).toEqual([
      "https://storage.example/upload-1.png",
      "https://storage.example/upload-1.png",
    ]);
  });
});

describe("a refusal by the server", () => {
  it("pauses the whole batch with the message and resumes after Retry-After, failing nothing", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      let refusals = 1;
      const context = await setup({
        submit: async (input) => {
          if (refusals-- > 0) {
            throw new GuardRefusalError(429, {
              code: "rate_limited",
              message: "Too many runs; try again in 5 seconds",
              detail: "Too many runs; try again in 5 seconds",
              retryAfterSeconds: 5,
              ownKeyHelps: true,
            });
          }
          context?.calls.submitted.push(input);
          return `req-${context?.calls.submitted.length}`;
        },
      });
      const { store, setClock } = context;
      await store.getState().addBatchFiles(images(3));
      const id = (await store.getState().createBatch({ seedMode: "fixed" })) as string;
      await store.getState().startBatch(id);
      await vi.advanceTimersByTimeAsync(0);
      await vi.advanceTimersByTimeAsync(0);
      const paused = batchOf(store, id);
      expect(paused.pause).toEqual({
        reason: "refused",
        message: expect.stringContaining("Too many runs"),
        resumeAt: 6_000,
      });
      expect(paused.items.map((item) => item.status)).toEqual(["queued", "running", "queued"]);
      // The refused run is gone (not a failure in the history), and the refused item is next.
      expect(store.getState().runs.filter((run) => run.phase === "failed")).toEqual([]);
      expect(store.getState().alert).toBeNull();
      setClock(6_000);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(batchOf(store, id).pause).toBeNull();
      expect(statuses(store, id)).toEqual(["running", "running", "queued"]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("review", () => {
  it("keeps and rejects results, and re-runs the rejected ones with a new seed", async () => {
    const { store, id, watchers, calls } = await started(2);
    watchers.get("req-1")?.done.resolve();
    watchers.get("req-2")?.done.resolve();
    await settle();
    const [first, second] = batchOf(store, id).items;
    await store.getState().reviewBatchItem(id, first?.id as string, "kept");
    await store.getState().reviewBatchItem(id, second?.id as string, "rejected");
    await store.getState().rerunRejected(id);
    await settle();
    const after = batchOf(store, id).items;
    expect(after[0]).toMatchObject({ status: "done", review: "kept" });
    expect(after[1]).toMatchObject({ status: "running", review: null });
    expect(after[1]?.seed).not.toBe(second?.seed);
    expect(calls.submitted[2]?.seed).toBe(after[1]?.seed);
    expect(store.getState().runs.some((run) => run.id === second?.runId)).toBe(false);
  });

  it("counts progress by status", async () => {
    const { store, id, watchers } = await started(5);
    watchers.get("req-1")?.done.resolve();
    await settle();
    expect(selectBatchProgress(batchOf(store, id), 1_000)).toMatchObject({
      total: 5,
      done: 1,
      running: 2,
      queued: 2,
    });
  });

  it("sums up the batches in flight for the page title, and none once they end", async () => {
    const { store, id, watchers } = await started(2);
    expect(selectActiveBatchesSummary(store.getState(), 1_000)).toEqual({
      ended: 0,
      wanted: 2,
      etaMs: null,
      isPaused: false,
    });
    await store.getState().pauseBatch(id);
    watchers.get("req-1")?.done.resolve();
    await settle();
    expect(selectActiveBatchesSummary(store.getState(), 1_000)).toMatchObject({
      ended: 1,
      isPaused: true,
    });
    watchers.get("req-2")?.done.resolve();
    await settle();
    expect(selectActiveBatchesSummary(store.getState(), 1_000)).toBeNull();
  });

  it("exports outputs named after their inputs with sidecars and a manifest", async () => {
    const { store, id, watchers } = await started(1);
    watchers.get("req-1")?.done.resolve();
    await settle();
    // No image store: the output's bytes cannot be had, so it is listed without a file.
    const file = await store.getState().exportBatch(id);
    expect(file?.filename).toBe("kontext-batch-1970-01-01.zip");
    const entries = unzipSync(new Uint8Array(await (file as { blob: Blob }).blob.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual([
      `batches/${id}.json`,
      "manifest.csv",
      "manifest.json",
      "runs/chair-1.kontext.json",
    ]);
  });
});

describe("after a reload", () => {
  it("carries on: submitted items are resumed, the rest start again from the kept inputs", async () => {
    const first = await started(5);
    await settle();
    // The page closes with items 1–2 submitted, 3–5 queued (3 and 4 uploaded ahead).
    const saved = first.history;
    let next = 0;
    const before = first.calls.submitted;
    const reopened = await setup(
      {
        newId: () => `new-${++next}`,
        // The server still has the first page's requests.
        result: async (requestId) =>
          output(before[Number(requestId.slice(4)) - 1] as KontextRequest),
      },
      saved,
    );
    // The inputs are in the browser's store (a new page has nothing in memory).
    for (const [hash, blob] of first.inputs.stored) await reopened.inputs.inputs.put(hash, blob);
    await settle();
    const { store, calls, watchers } = reopened;
    const batch = batchOf(store, first.id);
    expect(batch.items.map((item) => item.status)).toEqual([
      "running",
      "running",
      "queued",
      "queued",
      "queued",
    ]);
    // Nothing was submitted twice: the two runs are followed where they stopped.
    expect(calls.submitted).toHaveLength(0);
    expect([...watchers.keys()]).toEqual(["req-1", "req-2"]);
    watchers.get("req-1")?.done.resolve();
    await settle();
    expect(statuses(store, first.id)).toEqual(["done", "running", "running", "queued", "queued"]);
    expect(calls.submitted).toHaveLength(1);
    // The fifth image was never uploaded: it is read back from the browser's store, ahead.
    expect(calls.uploads).toBe(1);
    expect(batchOf(store, first.id).items[4]?.imageUrl).toBe(
      "https://storage.example/upload-1.png",
    );
  });

  it("runs again an item whose run never reached the server", async () => {
    const history = fakeHistory();
    const context = await setup({ submit: () => new Promise(() => {}) }, history);
    await context.store.getState().addBatchFiles(images(1));
    const id = (await context.store.getState().createBatch({ seedMode: "fixed" })) as string;
    await context.store.getState().startBatch(id);
    await settle();
    expect(history.batches.get(id)?.items[0]?.status).toBe("running");
    const reopened = await setup({}, history);
    for (const [hash, blob] of context.inputs.stored) await reopened.inputs.inputs.put(hash, blob);
    await reopened.store.getState().pumpBatches();
    await settle();
    expect(reopened.calls.submitted).toHaveLength(1);
    expect(statuses(reopened.store, id)).toEqual(["running"]);
  });
});

describe("keeping batches", () => {
  it("imports a batch export back, like other zips, with nothing left to run", async () => {
    const { store, id, watchers } = await started(3);
    watchers.get("req-1")?.done.resolve();
    await settle();
    const file = await store.getState().exportBatch(id);
    if (!file) throw new Error(store.getState().batchError ?? "no export");
    const other = await setup({ newId: () => "other" });
    await other.store.getState().openFile(new File([file.blob], file.filename));
    const state = other.store.getState();
    expect(state.transferNotice?.message).toBe(`Imported 1 batch (1 run) from ${file.filename}`);
    const imported = batchOf(other.store, id);
    expect(imported.items.map((item) => item.status)).toEqual(["done", "cancelled", "cancelled"]);
    expect(state.runs.map((run) => run.id)).toEqual([imported.items[0]?.runId]);
    expect(other.history.batches.get(id)).toBeDefined();
  });

  it("deletes a finished batch with its runs and the inputs no other batch needs", async () => {
    const { store, id, inputs } = await started(2);
    expect(inputs.stored.size).toBe(2);
    await store.getState().deleteBatch(id);
    // Two items are still running: it is not deleted.
    expect(store.getState().batchError).toBe("Cancel the batch before deleting it");
    await store.getState().cancelBatch(id);
    await settle();
    await store.getState().deleteBatch(id);
    expect(store.getState().batches).toEqual([]);
    expect(store.getState().runs).toEqual([]);
    expect(inputs.stored.size).toBe(0);
  });
});
