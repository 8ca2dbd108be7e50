import type { StateCreator } from "zustand";
import { buildBatch, queueOf, requestFor, withQueue } from "@/lib/batch/build";
import { DEFAULT_BATCH_BUDGET_USD, estimateBatch, estimateItem } from "@/lib/batch/cost";
import type { BatchExportEntry } from "@/lib/batch/export";
import type { Intake } from "@/lib/batch/intake";
import * as queue from "@/lib/batch/queue";
import type { BatchItem, BatchRecipe, BatchRecord, RecipeRequest } from "@/lib/batch/record";
import { backoffMs, isRefusal } from "@/lib/batch/refusal";
import { isInFlight } from "@/lib/batch/status";
import { toAppError } from "@/lib/browser/errors";
import { errorMessage } from "@/lib/domain/app-error";
import type { InputImage } from "@/lib/domain/run";
import { randomSeed } from "@/lib/domain/settings";
import { toHistoryRun } from "@/lib/history/run-record";
import { historyAlert } from "./alerts";
import { coordinate } from "./coordination";
import { runOf } from "./selectors";
import type { BatchSlice, PlaygroundState, StartBatchResult } from "./state";
import type { Run } from "./types";

// The batch runner: the batch slice's actions, loaded at the slice's first call that needs them
// (see `createBatchSlice`), so the first screen's JavaScript carries none of it.

/** The schemas a new batch's recipe is checked with (zod): loaded when a batch is created. */
type RecipeChecks = Awaited<ReturnType<typeof loadRecipeChecks>>;

async function loadRecipeChecks() {
  const [{ checkForm }, { recipeRequestSchema }] = await Promise.all([
    import("@/lib/domain/form-check"),
    import("@/lib/batch/record"),
  ]);
  return { checkForm, recipeRequestSchema };
}

/** The size a run is predicted at when its input's size is unknown (fixed ratios need none). */
const UNKNOWN_SIZE = { width: 1024, height: 1024 };

/** A blank image of the right kind, so the form's checks can run without one. */
const PLACEHOLDER_IMAGE: InputImage = {
  source: "url",
  name: "batch",
  previewUrl: "",
  width: 1,
  height: 1,
  originalBytes: null,
  uploadBytes: null,
  originalSize: null,
  file: null,
  originalFile: null,
  remoteUrl: "https://batch.invalid/input",
  parentRunId: null,
};

type SliceArgs = Parameters<StateCreator<PlaygroundState, [], [], BatchSlice>>;

/**
 * The batch slice's work on the store's `set` and `get`: reading inputs, creating, running,
 * following, saving, exporting and deleting batches. The state it keeps (uploads, in-memory input
 * files, back-off timers, saves in flight) lives here, one per store.
 */
export function createBatchEngine(set: SliceArgs[0], get: SliceArgs[1]) {
  /** Cross-slice work goes through one place. */
  const on = coordinate(get);
  /** Input files by hash, in memory, so uploads need not read them back from IndexedDB. */
  const blobs = new Map<string, Blob>();
  /** Uploads in flight or done, by input key, so an image is uploaded once. */
  const uploads = new Map<string, Promise<string>>();
  /** Items whose uploads run ahead of their turn (`<batch>/<item>`). */
  const prefetching = new Set<string>();
  /** Each batch's timer that ends a refusal's back-off. */
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Saves in flight and batches changed since, so a busy batch is written once at a time. */
  const writing = new Map<string, Promise<void>>();
  const dirty = new Set<string>();

  const batchOf = (id: string) => get().batches.find((batch) => batch.id === id);

  function save(id: string): void {
    const history = get().services.history;
    if (!history?.saveBatch) return;
    const write = history.saveBatch;
    dirty.add(id);
    if (writing.has(id)) return;
    const flush = async () => {
      try {
        while (dirty.has(id)) {
          dirty.delete(id);
          const batch = batchOf(id);
          if (batch) await write(batch);
        }
      } finally {
        // In the same step as the last check, so a change made now starts a new flush.
        writing.delete(id);
      }
    };
    writing.set(
      id,
      flush().catch((error: unknown) =>
        set({ alert: historyAlert(`The batch could not be saved: ${toAppError(error).message}`) }),
      ),
    );
  }

  /** Replaces a batch with `change(batch)`, saving it when it changed. */
  function update(id: string, change: (batch: BatchRecord) => BatchRecord): BatchRecord | null {
    const batch = batchOf(id);
    if (!batch) return null;
    const next = change(batch);
    if (next === batch) return batch;
    set((state) => ({ batches: state.batches.map((each) => (each.id === id ? next : each)) }));
    save(id);
    return next;
  }

  /** Applies a queue operation to a batch. */
  function apply(
    id: string,
    operation: (state: queue.QueueState<BatchItem>) => queue.QueueState<BatchItem>,
  ): BatchRecord | null {
    return update(id, (batch) => withQueue(batch, operation(queueOf(batch))));
  }

  function itemOf(batchId: string, itemId: string): BatchItem | undefined {
    return batchOf(batchId)?.items.find((item) => item.id === itemId);
  }

  /** The batch and item a run belongs to. */
  function ownerOf(runId: string): { batch: BatchRecord; item: BatchItem } | null {
    for (const batch of get().batches) {
      const item = batch.items.find((each) => each.runId === runId);
      if (item) return { batch, item };
    }
    return null;
  }

  /** An item's input file: in memory, else from the input store. */
  async function inputBlob(item: BatchItem): Promise<Blob | null> {
    const hash = item.input.hash;
    if (!hash) return null;
    const known = blobs.get(hash);
    if (known) return known;
    const stored = (await get().services.batchInputs?.get(hash)) ?? null;
    if (stored) blobs.set(hash, stored);
    return stored;
  }

  /** Uploads an item's input once (shared by every caller of the same image). */
  function uploadInput(item: BatchItem): Promise<string> {
    const key = item.input.hash ?? item.input.url ?? item.id;
    const existing = uploads.get(key);
    if (existing) return existing;
    const started = (async () => {
      const blob = await inputBlob(item);
      if (!blob) {
        throw new Error("The image is no longer kept in this browser; add it to a new batch");
      }
      const url = await get().services.upload(blob);
      void on.imageUploaded(url, blob);
      return url;
    })();
    uploads.set(key, started);
    // A failed upload is forgotten, so a retry uploads again.
    started.catch(() => uploads.delete(key));
    return started;
  }

  /** Handles a failure to upload an item that was taken to run. */
  function uploadFailed(batchId: string, itemId: string, error: unknown): void {
    const appError = toAppError(error);
    const now = get().services.now();
    if (isRefusal(appError)) {
      apply(batchId, (state) =>
        queue.refuse(state, itemId, appError.message, now, backoffMs(appError)),
      );
      scheduleResume(batchId);
      return;
    }
    apply(batchId, (state) =>
      queue.fail(state, itemId, `The image could not be uploaded: ${appError.message}`, now),
    );
    pump(batchId);
  }

  /** Starts an item's run: the batch's request with its URL, through the single-run path. */
  async function launch(batchId: string, itemId: string): Promise<void> {
    const batch = batchOf(batchId);
    const item = itemOf(batchId, itemId);
    if (!batch || !item || item.status !== "running" || item.runId || !item.imageUrl) return;
    const { services } = get();
    const source = (await inputBlob(item)) ?? item.imageUrl;
    const thumbnail = services.makeThumbnail
      ? await services.makeThumbnail(source).catch(() => null)
      : null;
    // Cancelled (or refused) while the thumbnail was made.
    const current = itemOf(batchId, itemId);
    if (!current || current.status !== "running" || current.runId) return;
    const request = requestFor(batch, current);
    const input =
      current.input.width && current.input.height
        ? { width: current.input.width, height: current.input.height }
        : null;
    const size = estimateItem(input, request)?.size ?? UNKNOWN_SIZE;
    // Uploaded and thumbnailed: the bytes stay in the input store only, not in memory.
    if (current.input.hash) blobs.delete(current.input.hash);
    const runId = on.launchRun({ request, inputThumbnail: thumbnail, parentId: null, size });
    apply(batchId, (state) => queue.attachRun(state, itemId, runId));
  }

  /** Takes an item that was started: uploads it first when it has no URL, then runs it. */
  function begin(batchId: string, item: BatchItem): void {
    if (item.status === "running") {
      void launch(batchId, item.id);
      return;
    }
    uploadInput(item).then(
      (url) => {
        const after = apply(batchId, (state) => queue.uploaded(state, item.id, url));
        if (after?.items.find((each) => each.id === item.id)?.status === "running") {
          void launch(batchId, item.id);
        }
      },
      (error: unknown) => {
        if (itemOf(batchId, item.id)?.status === "uploading") uploadFailed(batchId, item.id, error);
      },
    );
  }

  /** Uploads the next items ahead of their turn, so they start the moment a slot frees. */
  function prefetch(batchId: string): void {
    const batch = batchOf(batchId);
    if (!batch || batch.pause) return;
    const pending = new Set(
      [...prefetching]
        .filter((key) => key.startsWith(`${batchId}/`))
        .map((key) => key.slice(batchId.length + 1)),
    );
    for (const item of queue.nextUploads(queueOf(batch), pending)) {
      const key = `${batchId}/${item.id}`;
      prefetching.add(key);
      uploadInput(item)
        .then(
          (url) => {
            apply(batchId, (state) => queue.uploaded(state, item.id, url));
          },
          // The item uploads again (and fails visibly) when its turn comes.
          () => {},
        )
        .finally(() => prefetching.delete(key));
    }
  }

  function scheduleResume(batchId: string): void {
    const batch = batchOf(batchId);
    clearTimeout(timers.get(batchId));
    timers.delete(batchId);
    const resumeAt = batch?.pause?.reason === "refused" ? batch.pause.resumeAt : null;
    if (resumeAt === null || resumeAt === undefined) return;
    const delay = Math.max(0, resumeAt - get().services.now());
    timers.set(
      batchId,
      setTimeout(() => {
        timers.delete(batchId);
        pump(batchId);
      }, delay),
    );
  }

  /** Starts what can start in a started batch, and uploads the next items ahead. */
  function pump(batchId: string): void {
    const batch = batchOf(batchId);
    if (!batch || batch.startedAt === null) return;
    const now = get().services.now();
    let started: BatchItem[] = [];
    apply(batchId, (state) => {
      const taken = queue.takeNext(queue.resumeIfDue(state, now), now);
      started = taken.started;
      return taken.state;
    });
    for (const item of started) begin(batchId, item);
    prefetch(batchId);
    if (batchOf(batchId)?.pause?.reason === "refused" && !timers.has(batchId)) {
      scheduleResume(batchId);
    }
  }

  /** Removes runs from the store and the history without an undo (replaced or refused items). */
  async function discardRuns(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    set((state) => ({ runs: state.runs.filter((run) => !gone.has(run.id)) }));
    // A run's failure is reported just after it ends: the alert about a dropped run goes too.
    await Promise.resolve();
    set((state) => (state.alert?.runId && gone.has(state.alert.runId) ? { alert: null } : {}));
    const history = get().services.history;
    for (const id of ids) await history?.deleteRun(id).catch(() => {});
  }

  /** Brings an item in line with its run: submitted, done, failed, cancelled or refused. */
  function follow(batchId: string, item: BatchItem, run: Run): void {
    const now = get().services.now();
    if (run.requestId && item.status === "running") {
      const requestId = run.requestId;
      apply(batchId, (state) => queue.submitted(state, item.id, requestId));
    }
    if (run.finishedAt === null || !queue.isActive(item)) return;
    if (run.phase === "completed") {
      apply(batchId, (state) => queue.succeed(state, item.id, run.finishedAt ?? now));
    } else if (run.phase === "cancelled") {
      apply(batchId, (state) => queue.cancelled(state, item.id, run.finishedAt ?? now));
    } else if (run.error && isRefusal(run.error)) {
      const error = run.error;
      apply(batchId, (state) => queue.refuse(state, item.id, error.message, now, backoffMs(error)));
      void discardRuns([run.id]);
      scheduleResume(batchId);
    } else {
      const message = run.error?.message ?? "The run failed";
      apply(batchId, (state) => queue.fail(state, item.id, message, run.finishedAt ?? now));
    }
  }

  /** The recipe from the form, checked like a run (the prompt may be empty when every image has one). */
  function recipeFromForm(
    { checkForm, recipeRequestSchema }: RecipeChecks,
    everyHasPrompt: boolean,
  ): { request: RecipeRequest } | { message: string } {
    const state = get();
    const prompt = state.prompt.trim() === "" && everyHasPrompt ? "(per image)" : state.prompt;
    const { fieldErrors, request } = checkForm({
      image: PLACEHOLDER_IMAGE,
      prompt,
      loras: state.loras,
      settings: state.settings,
    });
    if (!request) {
      const first = Object.values(fieldErrors)[0] ?? "the form is not complete";
      return { message: `Fix the form first: ${first}` };
    }
    const { image_url: _image, seed: _seed, ...rest } = request;
    return {
      request: recipeRequestSchema.parse({
        ...rest,
        prompt: prompt === state.prompt ? prompt : "",
      }),
    };
  }

  function recipeFromRun(
    { recipeRequestSchema }: RecipeChecks,
    runId: string,
  ): { request: RecipeRequest; seed: number | null } | { message: string } {
    const run = runOf(get(), runId);
    if (!run) return { message: "That run is no longer in the history" };
    const { image_url: _image, seed, ...rest } = run.request;
    return {
      request: recipeRequestSchema.parse(rest),
      seed: run.output?.seed ?? seed ?? null,
    };
  }

  /**
   * The intake's code (files, lists, zips through fflate) loads with the first batch input: none
   * of it is in the first screen's JavaScript.
   */
  const loadIntake = () => import("@/lib/batch/intake");

  /** Adds what was read to the gathered inputs, and its problems to the list. */
  async function gather(intake: Intake): Promise<void> {
    const { addToGathered } = await loadIntake();
    set((state) => {
      const merged = addToGathered(state.batchInputs, intake);
      return {
        batchInputs: merged.inputs,
        batchProblems: [...state.batchProblems, ...merged.problems],
      };
    });
  }

  async function readList(text: string): Promise<void> {
    const { readImageList } = await loadIntake();
    const intake = await readImageList(text, get().batchInputs, get().services);
    if (intake.prompts.size > 0) {
      set((state) => ({
        batchInputs: state.batchInputs.map((each) =>
          intake.prompts.has(each.key)
            ? { ...each, prompt: intake.prompts.get(each.key) ?? null }
            : each,
        ),
      }));
    }
    await gather(intake);
  }

  return {
    /** The work of {@link BatchSlice.addBatchFiles} (the slice shows that it is reading). */
    readBatchFiles: async (files: readonly File[]): Promise<void> => {
      const { readImageFiles, sortDroppedFiles } = await loadIntake();
      const sorted = await sortDroppedFiles(files);
      const { services, shouldDownscale, batchInputs } = get();
      const read = await readImageFiles(sorted.images, batchInputs, {
        downscale: shouldDownscale,
        services,
      });
      await gather({ inputs: read.inputs, problems: [...sorted.problems, ...read.problems] });
      for (const list of sorted.lists) await readList(await list.text());
    },
    /** The work of {@link BatchSlice.addBatchList}. */
    readBatchList: readList,
    createBatch: async ({
      source = { kind: "form" },
      seedMode,
      concurrency,
      budgetUsd,
    }: Parameters<BatchSlice["createBatch"]>[0]): Promise<string | null> => {
      const checks = await loadRecipeChecks();
      const state = get();
      const pending = state.batchInputs;
      if (pending.length === 0) {
        set({ batchError: "Add some images first" });
        return null;
      }
      const everyHasPrompt = pending.every((input) => input.prompt !== null);
      let recipe: BatchRecipe;
      if (source.kind === "run") {
        const fromRun = recipeFromRun(checks, source.runId);
        if ("message" in fromRun) {
          set({ batchError: fromRun.message });
          return null;
        }
        recipe = {
          request: fromRun.request,
          seedMode,
          seed: seedMode === "fixed" ? fromRun.seed : null,
          sourceRunId: source.runId,
        };
      } else {
        const fromForm = recipeFromForm(checks, everyHasPrompt);
        if ("message" in fromForm) {
          set({ batchError: fromForm.message });
          return null;
        }
        recipe = {
          request: fromForm.request,
          seedMode,
          seed:
            seedMode === "fixed" && state.settings.seedMode === "fixed"
              ? state.settings.seed
              : null,
          sourceRunId: null,
        };
      }
      const { services } = state;
      try {
        for (const input of pending) {
          if (!input.blob || !input.input.hash) continue;
          blobs.set(input.input.hash, input.blob);
          await services.batchInputs?.put(input.input.hash, input.blob);
        }
        const batch = buildBatch({
          id: services.newId(),
          createdAt: services.now(),
          recipe,
          inputs: pending.map(({ input, prompt }) => ({ input, prompt })),
          concurrency: concurrency ?? queue.DEFAULT_CONCURRENCY,
          budgetUsd: budgetUsd === undefined ? DEFAULT_BATCH_BUDGET_USD : budgetUsd,
          backend: get().backend,
          newId: services.newId,
          randomSeed: () => randomSeed(),
        });
        set((current) => ({
          batches: [batch, ...current.batches],
          batchInputs: [],
          batchProblems: [],
          batchError: null,
        }));
        save(batch.id);
        return batch.id;
      } catch (error) {
        set({ batchError: `The batch could not be created: ${errorMessage(error)}` });
        return null;
      }
    },
    startBatch: (
      batchId: string,
      options: { isOverBudgetConfirmed?: boolean } = {},
    ): StartBatchResult => {
      const batch = batchOf(batchId);
      if (!batch) return { ok: false, reason: "unknown" };
      if (batch.startedAt !== null) return { ok: false, reason: "started" };
      const cost = estimateBatch(
        batch.items.map(({ input }) =>
          input.width && input.height ? { width: input.width, height: input.height } : null,
        ),
        batch.recipe.request,
        batch.budgetUsd,
      );
      if (cost.isOverBudget && !options.isOverBudgetConfirmed) {
        return { ok: false, reason: "over-budget", cost };
      }
      update(batchId, (current) => ({ ...current, startedAt: get().services.now() }));
      set({ batchError: null });
      pump(batchId);
      return { ok: true };
    },
    pauseBatch: (batchId: string): void => {
      apply(batchId, queue.pause);
      clearTimeout(timers.get(batchId));
      timers.delete(batchId);
    },
    resumeBatch: (batchId: string): void => {
      clearTimeout(timers.get(batchId));
      timers.delete(batchId);
      apply(batchId, queue.resume);
      pump(batchId);
    },
    cancelBatch: async (batchId: string): Promise<void> => {
      let running: BatchItem[] = [];
      apply(batchId, (state) => {
        const result = queue.cancelAll(state, get().services.now());
        running = result.running;
        return result.state;
      });
      clearTimeout(timers.get(batchId));
      timers.delete(batchId);
      await Promise.all(running.flatMap((item) => (item.runId ? [on.cancelRun(item.runId)] : [])));
      // A running item still waiting for its run (its thumbnail) never starts one.
      const now = get().services.now();
      apply(batchId, (state) =>
        running
          .filter((item) => !item.runId)
          .reduce((next, item) => queue.cancelled(next, item.id, now), state),
      );
    },
    retryFailedBatchItems: (batchId: string): void => {
      const batch = batchOf(batchId);
      if (!batch) return;
      const failedRuns = batch.items.flatMap((item) =>
        item.status === "failed" && item.runId ? [item.runId] : [],
      );
      apply(batchId, queue.retryFailed);
      void discardRuns(failedRuns);
      pump(batchId);
    },
    moveBatchItemToFront: (batchId: string, itemId: string): void => {
      apply(batchId, (state) => queue.moveToFront(state, itemId));
      prefetch(batchId);
    },
    setBatchConcurrency: (batchId: string, concurrency: number): void => {
      apply(batchId, (state) => queue.setConcurrency(state, concurrency));
      pump(batchId);
    },
    reviewBatchItem: (batchId: string, itemId: string, review: "kept" | "rejected" | null): void =>
      void apply(batchId, (state) => queue.setReview(state, itemId, review)),
    rerunRejected: (batchId: string): void => {
      const batch = batchOf(batchId);
      if (!batch) return;
      const rejected = batch.items.flatMap((item) =>
        item.review === "rejected" && item.runId ? [item.runId] : [],
      );
      apply(batchId, (state) => queue.requeue(state, () => randomSeed()));
      void discardRuns(rejected);
      pump(batchId);
    },
    deleteBatch: async (batchId: string): Promise<void> => {
      const batch = batchOf(batchId);
      if (!batch) return;
      if (batch.items.some(queue.isActive)) {
        set({ batchError: "Cancel the batch before deleting it" });
        return;
      }
      clearTimeout(timers.get(batchId));
      timers.delete(batchId);
      set((state) => ({ batches: state.batches.filter((each) => each.id !== batchId) }));
      await discardRuns(batch.items.flatMap((item) => (item.runId ? [item.runId] : [])));
      const { services } = get();
      await services.history?.deleteBatch?.(batchId).catch(() => {});
      const needed = new Set(
        get().batches.flatMap((each) =>
          each.items.flatMap((item) => (item.input.hash ? [item.input.hash] : [])),
        ),
      );
      for (const item of batch.items) {
        if (item.input.hash && !needed.has(item.input.hash)) blobs.delete(item.input.hash);
      }
      await services.batchInputs?.prune(needed).catch(() => 0);
    },
    exportBatch: async (
      batchId: string,
      options: { keptOnly?: boolean } = {},
    ): ReturnType<BatchSlice["exportBatch"]> => {
      const batch = batchOf(batchId);
      if (!batch) return null;
      try {
        const entries = new Map<string, BatchExportEntry>();
        const wanted = options.keptOnly
          ? batch.items.filter((item) => item.review === "kept")
          : batch.items;
        for (const item of wanted) {
          const run = runOf(get(), item.runId);
          if (!run || run.requestId === null || run.finishedAt === null) continue;
          const images: (Uint8Array | null)[] = [];
          for (const [index] of (run.output?.images ?? []).entries()) {
            const blob = await get().resultBlob(run.id, index);
            images.push(blob ? new Uint8Array(await blob.arrayBuffer()) : null);
          }
          entries.set(item.id, { run: toHistoryRun(run), images });
        }
        // The zip code (fflate) loads at the first export.
        const { batchExportFilename, exportBatchZip } = await import("@/lib/batch/export");
        const exported = await exportBatchZip(batch, entries, {
          keptOnly: options.keptOnly === true,
          now: new Date(get().services.now()),
        });
        set({ batchError: null });
        return {
          blob: new Blob([exported.bytes as Uint8Array<ArrayBuffer>], { type: "application/zip" }),
          filename: batchExportFilename(get().services.now(), options.keptOnly === true),
        };
      } catch (error) {
        set({ batchError: `The export failed: ${errorMessage(error)}` });
        return null;
      }
    },
    pumpBatches: (): void => {
      for (const batch of get().batches) {
        if (isInFlight(batch)) pump(batch.id);
      }
    },
    syncBatchRun: (runId: string): void => {
      const owner = ownerOf(runId);
      const run = runOf(get(), runId);
      if (owner && run) follow(owner.batch.id, owner.item, run);
    },
    /**
     * Brings restored batches (put in the store as saved, see {@link BatchSlice.restoreBatches})
     * in line with the saved runs: a running item whose run was never saved has nothing to resume
     * and runs again; runs that ended while the page was closed are followed; a refusal's back-off
     * is timed again.
     */
    reviveBatches: (batchIds: readonly string[]): void => {
      const wanted = new Set(batchIds);
      const runs = new Map(get().runs.map((run) => [run.id, run]));
      const revived: BatchRecord[] = [];
      set((state) => ({
        batches: state.batches.map((batch) => {
          if (!wanted.has(batch.id)) return batch;
          const next = withQueue(
            batch,
            queue.revive({
              ...queueOf(batch),
              items: batch.items.map((item) => {
                if (item.status !== "running" || !item.runId) return item;
                // The run's record knows its request id even when the batch was saved before it.
                return { ...item, requestId: runs.get(item.runId)?.requestId ?? null };
              }),
            }),
          );
          revived.push(next);
          return next;
        }),
      }));
      for (const batch of revived) {
        // Runs that ended while the page was closed (or before the batch was saved).
        for (const item of batch.items) {
          const run = item.runId ? runs.get(item.runId) : undefined;
          if (run) follow(batch.id, item, run);
        }
        if (batch.pause?.reason === "refused") scheduleResume(batch.id);
      }
    },
    importBatches: async (records: readonly BatchRecord[]): Promise<number> => {
      const known = new Set(get().batches.map((batch) => batch.id));
      const runIds = new Set(get().runs.map((run) => run.id));
      const now = get().services.now();
      const added = records
        .filter((batch) => !known.has(batch.id))
        .map((batch) => ({
          ...batch,
          pause: null,
          // Imported inputs are not kept in this browser: nothing of an import runs (or costs).
          items: batch.items.map((item) => {
            const runId = item.runId && runIds.has(item.runId) ? item.runId : null;
            return queue.isFinished(item) && (runId || item.status !== "done")
              ? { ...item, runId }
              : {
                  ...item,
                  runId,
                  status: "cancelled" as const,
                  finishedAt: item.finishedAt ?? now,
                };
          }),
        }));
      if (added.length === 0) return 0;
      set((state) => ({
        batches: [...state.batches, ...added].sort((a, b) => b.createdAt - a.createdAt),
      }));
      for (const batch of added) await get().services.history?.saveBatch?.(batch);
      return added.length;
    },
  };
}

/** The batch runner of one store (see {@link createBatchEngine}). */
export type BatchEngine = ReturnType<typeof createBatchEngine>;
