import type { FalClient, QueueStatus } from "@fal-ai/client";
import { createPlaygroundFalClient } from "@/lib/fal/client";
import { ENDPOINT_ID } from "@/lib/kontext/endpoint";
import type { PlaygroundServices, RunUpdate } from "@/lib/store/types";
import type * as ImageCode from "./browser-image";
import { abortError, isRequestNotFound, raceAbort, throwIfAborted } from "./errors";
import { parseKontextOutput } from "./kontext-output";

/**
 * How long the status stream may stay silent before polling takes over (our own watchdog: the
 * fal client's 15 s stall check never fires).
 */
export const STREAM_IDLE_MS = 20_000;
/** How often the polling fallback asks for the status. */
export const POLL_INTERVAL_MS = 500;

/** The services' calls to fal: upload, queue, follow, result and cancel. */
export type FalQueue = Pick<
  PlaygroundServices,
  "upload" | "submit" | "watch" | "result" | "cancel"
>;

/** The image code (see `./browser-image`), loaded by the services with the first image or run. */
export interface ImageCodeAccess {
  load: () => Promise<typeof ImageCode>;
  /** The code if it has loaded, so a result's preload starts in the same step as its parse. */
  loaded: () => typeof ImageCode | null;
}

/**
 * The services' calls to fal through the playground's proxy (or `fal`, a fake in tests), with
 * their fal client, the status stream with its polling fallback, and the result's check. The
 * browser services load this module (and the fal client with it, in one chunk) at the first
 * upload or run: none of it is in the first screen's JavaScript.
 */
export function createFalQueue(
  images: ImageCodeAccess,
  fal: FalClient = createPlaygroundFalClient(),
): FalQueue {
  return {
    // fal's storage upload takes no signal: stop waiting for it when the run is cancelled.
    upload: async (file, signal) => {
      throwIfAborted(signal);
      return raceAbort(fal.storage.upload(file), signal);
    },
    submit: async (input) => {
      // The image preloader loads while the run goes, not when it is done.
      void images.load().catch(() => {});
      return (await fal.queue.submit(ENDPOINT_ID, { input })).request_id;
    },
    watch: async (requestId, onUpdate, signal) => {
      throwIfAborted(signal);
      // The SSE status stream shows a finished result sooner than polling every 500 ms…
      if (await streamStatus(fal, requestId, onUpdate, signal)) return;
      throwIfAborted(signal);
      // …and polling takes over where streaming does not get through (proxies that buffer or cut
      // the stream, a stream that ends or stalls before COMPLETED).
      await pollStatus(fal, requestId, onUpdate, signal);
    },
    result: async (requestId, signal) => {
      const { data } = await fal.queue.result(ENDPOINT_ID, { requestId, abortSignal: signal });
      throwIfAborted(signal);
      const output = parseKontextOutput(data);
      // Fetched and decoded while the store and React put the result on the page.
      // (Never holding the result back: a preloader that failed to load is only a lost head start.)
      const preload = (code: typeof ImageCode) => {
        for (const image of output.images) void code.preloadImage(image.url);
      };
      const code = images.loaded();
      if (code) preload(code);
      else void images.load().then(preload, () => {});
      return output;
    },
    cancel: async (requestId) => fal.queue.cancel(ENDPOINT_ID, { requestId }),
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
