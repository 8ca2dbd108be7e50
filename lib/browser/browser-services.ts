import type { FalClient, QueueStatus } from "@fal-ai/client";
import type { InputStore } from "@/lib/batch/input-store";
import { loadOnce } from "@/lib/domain/load-once";
import type { HistoryDb } from "@/lib/history/db";
import { ENDPOINT_ID } from "@/lib/kontext/endpoint";
import type { LibraryDb } from "@/lib/library/library-db";
import type {
  HistoryService,
  LibraryService,
  PlaygroundServices,
  RunUpdate,
} from "@/lib/store/types";
import type { SweepImageStore } from "@/lib/sweep/image-store";
import { createBrowserImageStore } from "./browser-image-store";
import { abortError, isRequestNotFound, raceAbort, throwIfAborted } from "./errors";

/**
 * How long the status stream may stay silent before polling takes over (our own watchdog: the
 * fal client's 15 s stall check never fires).
 */
export const STREAM_IDLE_MS = 20_000;
/** How often the polling fallback asks for the status. */
export const POLL_INTERVAL_MS = 500;

/**
 * The playground's fal client (see `createPlaygroundFalClient`), whose code is loaded at the
 * first call that needs it: none of it is in the first screen's JavaScript.
 */
function loadPlaygroundFalClient(): () => Promise<FalClient> {
  let client: Promise<FalClient> | null = null;
  return () => {
    client ??= import("@/lib/fal/client").then((m) => m.createPlaygroundFalClient());
    // A failed load (e.g. offline) is tried again at the next call.
    client.catch(() => {
      client = null;
    });
    return client;
  };
}

/**
 * The image code (decoding, downscaling, thumbnails, probing and preloading), loaded with the
 * first image or run.
 */
const loadImageCode = loadOnce(() =>
  import("./browser-image").then((code) => {
    imageCode = code;
    return code;
  }),
);
/** The image code once loaded, so a result's preload starts in the same step as before. */
let imageCode: typeof import("./browser-image") | null = null;

/** The result's parser (`parseKontextOutput`, with the output schema: zod), loaded at the first run. */
const loadOutputParser = loadOnce(() => import("./kontext-output"));

/**
 * The real services: fal through the proxy, the browser's image decoding, the clock. Tests may
 * pass a fake fal client.
 */
export function createBrowserServices(fakeFal?: FalClient): PlaygroundServices {
  const falClient = fakeFal ? () => Promise.resolve(fakeFal) : loadPlaygroundFalClient();
  return {
    // fal's storage upload takes no signal: stop waiting for it when the run is cancelled.
    upload: async (file, signal) => {
      throwIfAborted(signal);
      const fal = await raceAbort(falClient(), signal);
      return raceAbort(fal.storage.upload(file), signal);
    },
    submit: async (input) => {
      // The result's parser (the output schema) and the image preloader load while the run goes,
      // not when it is done.
      void loadOutputParser();
      void loadImageCode();
      return (await (await falClient()).queue.submit(ENDPOINT_ID, { input })).request_id;
    },
    watch: async (requestId, onUpdate, signal) => {
      throwIfAborted(signal);
      const fal = await raceAbort(falClient(), signal);
      // The SSE status stream shows a finished result sooner than polling every 500 ms…
      if (await streamStatus(fal, requestId, onUpdate, signal)) return;
      throwIfAborted(signal);
      // …and polling takes over where streaming does not get through (proxies that buffer or cut
      // the stream, a stream that ends or stalls before COMPLETED).
      await pollStatus(fal, requestId, onUpdate, signal);
    },
    result: async (requestId, signal) => {
      const fal = await falClient();
      const { data } = await fal.queue.result(ENDPOINT_ID, { requestId, abortSignal: signal });
      throwIfAborted(signal);
      const output = (await loadOutputParser()).parseKontextOutput(data);
      // Fetched and decoded while the store and React put the result on the page.
      // (Never holding the result back: a preloader that failed to load is only a lost head start.)
      const preload = (code: typeof import("./browser-image")) => {
        for (const image of output.images) void code.preloadImage(image.url);
      };
      if (imageCode) preload(imageCode);
      else void loadImageCode().then(preload, () => {});
      return output;
    },
    cancel: async (requestId) => (await falClient()).queue.cancel(ENDPOINT_ID, { requestId }),
    prepareFile: async (file, options) => (await loadImageCode()).prepareImageFile(file, options),
    probeUrl: async (url) => (await loadImageCode()).probeImageUrl(url),
    createObjectUrl: (blob) => URL.createObjectURL(blob),
    revokeObjectUrl: (url) => URL.revokeObjectURL(url),
    makeThumbnail: async (source) => (await loadImageCode()).makeImageThumbnail(source),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    history: createBrowserHistory(),
    images: createBrowserImageStore(),
    library: createBrowserLibrary(),
    batchInputs: createBrowserInputStore(),
    sweepImages: createBrowserSweepImageStore(),
  };
}

/**
 * The history service over IndexedDB (see `createHistoryDb`). The database and its code are
 * loaded on the first call, so creating the services never touches IndexedDB (e.g. while
 * rendering) and the first screen's JavaScript has none of it.
 */
export function createBrowserHistory(
  open: () => HistoryDb | Promise<HistoryDb> = () =>
    import("@/lib/history/db").then((m) => m.createHistoryDb()),
): HistoryService {
  const history = loadOnce(open);
  return {
    saveRun: async (run) => (await history()).putRun(run),
    loadRuns: async () => (await history()).listRuns(),
    loadNewestRuns: async (count) => (await history()).listNewestRuns(count),
    deleteRun: async (id) => (await history()).deleteRun(id),
    saveSweep: async (sweep) => (await history()).putSweep(sweep),
    loadSweeps: async () => (await history()).listSweeps(),
    deleteSweep: async (id) => (await history()).deleteSweep(id),
    saveBatch: async (batch) => (await history()).putBatch(batch),
    loadBatches: async () => (await history()).listBatches(),
    deleteBatch: async (id) => (await history()).deleteBatch(id),
    saveDraft: async (draft) => (await history()).putDraft(draft),
    loadDraft: async () => (await history()).getDraft(),
    saveDraftImage: async (image) => (await history()).putDraftImage(image),
    loadDraftImage: async () => (await history()).getDraftImage(),
    saveSweepSetup: async (setup) => (await history()).putSweepSetup(setup),
    loadSweepSetup: async () => (await history()).getSweepSetup(),
  };
}

/**
 * The LoRA library over IndexedDB (see `createLibraryDb`), loaded on the first call like
 * {@link createBrowserHistory}. Unreadable records are logged and left stored.
 */
export function createBrowserLibrary(
  open: () => LibraryDb | Promise<LibraryDb> = () =>
    import("@/lib/library/library-db").then((m) =>
      m.createLibraryDb({
        onCorrupt: (key, error) => console.warn(`library: skipped ${key}: ${error.message}`),
      }),
    ),
): LibraryService {
  const library = loadOnce(open);
  return {
    load: async () => (await library()).load(),
    write: async (change) => (await library()).write(change),
  };
}

/** The batch inputs kept in IndexedDB (see `createInputStore`), loaded on the first call. */
function createBrowserInputStore(): InputStore {
  const inputs = loadOnce(() =>
    import("@/lib/batch/input-store").then((m) => m.createInputStore()),
  );
  return {
    put: async (hash, blob) => (await inputs()).put(hash, blob),
    // Never rejects, as `InputStore.get` promises: a store that cannot load has nothing.
    get: (hash) =>
      inputs().then(
        (store) => store.get(hash),
        () => null,
      ),
    hashes: async () => (await inputs()).hashes(),
    prune: async (keep) => (await inputs()).prune(keep),
  };
}

/** The sweep images kept in IndexedDB (see `createSweepImageStore`), loaded on the first call. */
function createBrowserSweepImageStore(): SweepImageStore {
  const images = loadOnce(() =>
    import("@/lib/sweep/image-store").then((m) => m.createSweepImageStore()),
  );
  return {
    put: async (id, image) => (await images()).put(id, image),
    // Never rejects, as `SweepImageStore.get` promises.
    get: (id) =>
      images().then(
        (store) => store.get(id),
        () => null,
      ),
    prune: async (keep) => (await images()).prune(keep),
  };
}

/**
 * Follows the status stream. Resolves true once a COMPLETED event arrived; false when polling
 * should take over: the stream could not be opened, failed (anything but a 404 for the request
 * itself, which is thrown), ended without COMPLETED, or sent nothing for {@link STREAM_IDLE_MS}.
 * Throws an AbortError when `signal` aborts.
 */
async function streamStatus(
  fal: FalClient,
  requestId: string,
  onUpdate: (update: RunUpdate) => void,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  // `streamStatus` takes no signal (nor does `subscribeToStatus` pass one on): abort it ourselves.
  let stream: Awaited<ReturnType<FalClient["queue"]["streamStatus"]>>;
  try {
    stream = await fal.queue.streamStatus(ENDPOINT_ID, { requestId, logs: true });
  } catch (error) {
    if (isRequestNotFound(error, requestId)) throw error;
    throwIfAborted(signal);
    return false;
  }
  const logs: string[] = [];
  let isCompleted = false;
  // COMPLETED is the last event: the result is fetched at once, not when the stream has closed.
  let onCompleted = () => {};
  const completed = new Promise<void>((resolve) => {
    onCompleted = resolve;
  });
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const armWatchdog = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => stream.abort(), STREAM_IDLE_MS);
  };
  const onAbort = () => stream.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  if (signal?.aborted) stream.abort();
  stream.on("data", (data: unknown) => {
    armWatchdog();
    if (!isQueueStatus(data)) return;
    if (data.status === "COMPLETED") {
      isCompleted = true;
      onCompleted();
    }
    // The stream sends each event's new log lines only; fal's own client adds them up too.
    logs.push(...logMessages(data));
    const update = toRunUpdate(data, [...logs]);
    if (update && !signal?.aborted) onUpdate(update);
  });
  armWatchdog();
  try {
    // Also resolves (with the last event) when the stream is aborted: check the signal after.
    await Promise.race([stream.done(), completed]);
    // Closes the stream if the server has not yet (a no-op once it has).
    if (isCompleted) stream.abort();
  } catch (error) {
    if (isRequestNotFound(error, requestId)) throw error;
    throwIfAborted(signal);
    return false;
  } finally {
    clearTimeout(idleTimer);
    signal?.removeEventListener("abort", onAbort);
  }
  throwIfAborted(signal);
  return isCompleted;
}

/**
 * Polls the request's status until COMPLETED, a poll every {@link POLL_INTERVAL_MS} counted from
 * the start of the previous one (one that takes longer is followed at once). fal's
 * `subscribeToStatus` waits the interval after each answer instead, so its polls drift by a round
 * trip each and a result can wait longer than one interval to be seen. Throws an AbortError when
 * `signal` aborts, and what a poll throws.
 */
async function pollStatus(
  fal: FalClient,
  requestId: string,
  onUpdate: (update: RunUpdate) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  for (let started = performance.now(); ; ) {
    const status = await raceAbort(
      fal.queue.status(ENDPOINT_ID, { requestId, logs: true, abortSignal: signal }),
      signal,
    );
    // A polled status carries every log line so far.
    const update = toRunUpdate(status, logMessages(status));
    if (update) onUpdate(update);
    if (status.status === "COMPLETED") return;
    const next = started + POLL_INTERVAL_MS;
    const wait = next - performance.now();
    if (wait > 0) {
      await sleep(wait, signal);
      started = next;
    } else {
      throwIfAborted(signal);
      started = performance.now();
    }
  }
}

/** Resolves after `ms`, or rejects with an AbortError (and clears its timer) when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function isQueueStatus(data: unknown): data is QueueStatus {
  if (typeof data !== "object" || data === null || !("status" in data)) return false;
  const { status } = data as { status: unknown };
  return status === "IN_QUEUE" || status === "IN_PROGRESS" || status === "COMPLETED";
}

function logMessages(status: QueueStatus): string[] {
  if (!("logs" in status) || !Array.isArray(status.logs)) return [];
  return status.logs.map((log) => log.message);
}

function toRunUpdate(status: QueueStatus, logs: string[]): RunUpdate | null {
  if (status.status === "IN_QUEUE") {
    return { status: "IN_QUEUE", queuePosition: status.queue_position };
  }
  if (status.status === "IN_PROGRESS") return { status: "IN_PROGRESS", logs };
  return null;
}
