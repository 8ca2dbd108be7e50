import { ApiError } from "@fal-ai/client";
import { type BatchRecord, toStoredBatch } from "@/lib/batch/record";
import { toStoredDraft, toStoredRun } from "@/lib/history/records";
import type { Draft, DraftImage, HistoryRun } from "@/lib/history/types";
import { type KontextOutput, type KontextRequest, kontextInputSchema } from "@/lib/kontext/schema";
import { toLibraryEnvelope } from "@/lib/library/library-records";
import type { LibraryChange, LoraPreview, UserLora } from "@/lib/library/types";
import { type SweepRecord, toStoredSweep } from "@/lib/sweep/record";
import { type SweepSetup, toStoredSweepSetup } from "@/lib/sweep/setup";
import { historyRun } from "@/tests/fixtures/history";
import { createPlaygroundStore } from "./playground-store";
import type {
  CacheOutcome,
  HistoryService,
  ImageStore,
  LibraryService,
  PlaygroundServices,
  PreparedFile,
  RunUpdate,
} from "./types";

// Fakes shared by the store's tests: services whose steps a test releases one at a time, and an
// in-memory history that checks records as the real one does.

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

export function output(request: KontextRequest, seed = 77): KontextOutput {
  return {
    images: Array.from({ length: request.num_images }, (_, i) => ({
      url: `https://cdn.example/out-${i}.png`,
      width: 1024,
      height: 768,
      content_type: "image/png",
    })),
    timings: { inference: 1.5 },
    seed,
    has_nsfw_concepts: Array.from({ length: request.num_images }, () => false),
    prompt: request.prompt,
  };
}

/** Fake services whose steps the test releases one at a time. */
export function fakeServices(overrides: Partial<PlaygroundServices> = {}) {
  let counter = 0;
  const calls = {
    uploads: 0,
    uploadSignals: [] as (AbortSignal | undefined)[],
    submitted: [] as KontextRequest[],
    cancelled: [] as string[],
    revoked: [] as string[],
    results: [] as string[],
    prepared: [] as { file: File; downscale: boolean }[],
  };
  const watchers = new Map<
    string,
    { onUpdate: (u: RunUpdate) => void; done: Deferred<void>; signal: AbortSignal | undefined }
  >();
  const services: PlaygroundServices = {
    upload: async (_file, signal) => {
      calls.uploads++;
      calls.uploadSignals.push(signal);
      return `https://storage.example/upload-${calls.uploads}.png`;
    },
    submit: async (input) => {
      calls.submitted.push(input);
      return `req-${calls.submitted.length}`;
    },
    watch: (requestId, onUpdate, signal) => {
      const done = deferred<void>();
      watchers.set(requestId, { onUpdate, done, signal });
      return done.promise;
    },
    result: async (requestId) => {
      calls.results.push(requestId);
      return output(calls.submitted[Number(requestId.slice(4)) - 1] as KontextRequest);
    },
    cancel: async (requestId) => {
      calls.cancelled.push(requestId);
      watchers.get(requestId)?.done.reject(
        new ApiError({
          message: "cancelled",
          status: 400,
          body: { detail: "The request was cancelled" },
        }),
      );
    },
    prepareFile: async (file, options): Promise<PreparedFile> => {
      calls.prepared.push({ file, downscale: options.downscale });
      return {
        file,
        width: 1920,
        height: 1080,
        originalBytes: file.size,
        originalSize: null,
      };
    },
    probeUrl: async () => ({ width: 800, height: 600 }),
    createObjectUrl: () => `blob:preview-${++counter}`,
    revokeObjectUrl: (url) => calls.revoked.push(url),
    now: () => 1_000,
    newId: () => `id-${++counter}`,
    ...overrides,
  };
  return { services, calls, watchers };
}

export function readyStore(overrides: Partial<PlaygroundServices> = {}) {
  const fake = fakeServices(overrides);
  const store = createPlaygroundStore(fake.services);
  return { store, ...fake };
}

export async function withImage(store: ReturnType<typeof createPlaygroundStore>) {
  await store
    .getState()
    .setImageFile(new File([new Uint8Array([1, 2, 3])], "photo.png", { type: "image/png" }));
  store.getState().setPrompt("make it snow");
}

export function fakeHistory(
  initial: {
    runs?: HistoryRun[];
    draft?: Draft | null;
    sweeps?: SweepRecord[];
    draftImage?: DraftImage | null;
    sweepSetup?: SweepSetup | null;
    batches?: BatchRecord[];
  } = {},
) {
  const runs = new Map<string, HistoryRun>((initial.runs ?? []).map((run) => [run.id, run]));
  const sweeps = new Map<string, SweepRecord>(
    (initial.sweeps ?? []).map((sweep) => [sweep.id, sweep]),
  );
  const batches = new Map<string, BatchRecord>(
    (initial.batches ?? []).map((batch) => [batch.id, batch]),
  );
  const saves: HistoryRun[] = [];
  const drafts: Draft[] = [];
  let draft = initial.draft ?? null;
  let draftImage = initial.draftImage ?? null;
  const imageSaves: (DraftImage | null)[] = [];
  let sweepSetup = initial.sweepSetup ?? null;
  const history: HistoryService = {
    saveRun: async (run) => {
      toStoredRun(run);
      saves.push(run);
      runs.set(run.id, run);
    },
    loadRuns: async () => [...runs.values()].sort((a, b) => b.createdAt - a.createdAt),
    deleteRun: async (id) => {
      runs.delete(id);
    },
    saveSweep: async (sweep) => {
      toStoredSweep(sweep);
      sweeps.set(sweep.id, sweep);
    },
    loadSweeps: async () => [...sweeps.values()].sort((a, b) => b.createdAt - a.createdAt),
    deleteSweep: async (id) => {
      sweeps.delete(id);
    },
    saveBatch: async (batch) => {
      // Stored as the real history does: checked, and a copy (later changes do not leak in).
      batches.set(batch.id, structuredClone(toStoredBatch(batch).data));
    },
    loadBatches: async () => [...batches.values()].sort((a, b) => b.createdAt - a.createdAt),
    deleteBatch: async (id) => {
      batches.delete(id);
    },
    saveDraft: async (value) => {
      toStoredDraft(value);
      drafts.push(value);
      draft = value;
    },
    loadDraft: async () => draft,
    saveDraftImage: async (value) => {
      imageSaves.push(value);
      draftImage = value;
    },
    loadDraftImage: async () => draftImage,
    saveSweepSetup: async (value) => {
      toStoredSweepSetup(value);
      sweepSetup = value;
    },
    loadSweepSetup: async () => sweepSetup,
  };
  return {
    history,
    runs,
    sweeps,
    batches,
    saves,
    drafts,
    draft: () => draft,
    imageSaves,
    draftImage: () => draftImage,
    sweepSetup: () => sweepSetup,
  };
}

/** A run the history saved earlier (`saved-1`), from the shared fixtures. */
export function savedRun(overrides: Partial<HistoryRun> = {}): HistoryRun {
  const request: KontextRequest = kontextInputSchema.parse({
    image_url: "https://storage.example/in.png",
    prompt: "saved prompt",
    seed: undefined,
  });
  const base = historyRun({
    id: "saved-1",
    createdAt: 500,
    durationMs: 100,
    requestId: "req-old",
    request,
    images: output(request, 9).images,
    seed: 9,
    priceUsd: 0.03,
    backend: "local",
  });
  return { ...base, ...overrides };
}

/** A saved run `id` made at `createdAt` that finished 10 ms later (request `req-<id>`). */
export function finishedSavedRun(
  id: string,
  createdAt: number,
  overrides: Partial<HistoryRun> = {},
): HistoryRun {
  return savedRun({
    id,
    createdAt,
    finishedAt: createdAt + 10,
    requestId: `req-${id}`,
    ...overrides,
  });
}

/** An in-memory image store; `remote` holds what "fetching" a URL returns. */
export function fakeImages(remote: Record<string, Blob> = {}) {
  const cached = new Map<string, Blob>();
  const outcome: { next: CacheOutcome | Error | null } = { next: null };
  const images: ImageStore = {
    get: async (url) => cached.get(url) ?? null,
    put: async (url, blob) => {
      const next = outcome.next;
      outcome.next = null;
      if (next instanceof Error) throw next;
      cached.set(url, blob);
      return next ?? { evicted: [], wasStorageFull: false };
    },
    keep: async (url) => {
      if (/^data:/i.test(url) || cached.has(url)) return null;
      const blob = remote[url];
      return blob ? images.put(url, blob) : null;
    },
    urls: async () => [...cached.keys()],
    remove: async (urls) => {
      for (const url of urls) cached.delete(url);
    },
  };
  return { images, cached, outcome };
}

/**
 * An in-memory library that checks records as the real one does; `failNext` makes the next write
 * reject with that error (nothing of it is kept, as with the real one).
 */
export function fakeLibrary(initial: { loras?: UserLora[]; previews?: LoraPreview[] } = {}) {
  const loras = new Map((initial.loras ?? []).map((lora) => [lora.id, lora]));
  const previews = new Map((initial.previews ?? []).map((preview) => [preview.path, preview]));
  const writes: LibraryChange[] = [];
  const control: { failNext: Error | null; loadError: Error | null } = {
    failNext: null,
    loadError: null,
  };
  const library: LibraryService = {
    load: async () => {
      if (control.loadError) throw control.loadError;
      return { loras: [...loras.values()], previews: [...previews.values()] };
    },
    write: async (change) => {
      for (const lora of change.putLoras ?? []) toLibraryEnvelope("lora", lora, 0);
      for (const preview of change.putPreviews ?? []) toLibraryEnvelope("preview", preview, 0);
      const failure = control.failNext;
      control.failNext = null;
      if (failure) throw failure;
      writes.push(change);
      for (const id of change.deleteLoraIds ?? []) loras.delete(id);
      for (const path of change.deletePreviewPaths ?? []) previews.delete(path);
      for (const lora of change.putLoras ?? []) loras.set(lora.id, lora);
      for (const preview of change.putPreviews ?? []) previews.set(preview.path, preview);
    },
  };
  return { library, loras, previews, writes, control };
}

/**
 * Loads the persistence engine's code (in the browser its own chunk, which the page's startup
 * hydrate loads), for a `beforeAll` of tests that count in ticks what waits for it: the first load
 * of a module in the test runner takes longer than a tick, a loaded one less.
 */
export const loadPersistenceEngine = async (): Promise<void> => {
  await import("./persistence-engine");
};

/** How often stores created a slice's engine (its code loaded), and a failure for the next load. */
export interface EngineLoads {
  loads: number;
  failNext: Error | null;
}

/**
 * A slice's `create…Engine` for a `vi.mock` of its module: each creation is counted in `counter`,
 * and when `counter.failNext` is set the next creation throws it instead (as a chunk that could not
 * be fetched would).
 */
export function countingEngine<A extends unknown[], R>(
  counter: EngineLoads,
  create: (...args: A) => R,
): (...args: A) => R {
  return (...args) => {
    const failure = counter.failNext;
    counter.failNext = null;
    if (failure) throw failure;
    counter.loads++;
    return create(...args);
  };
}
