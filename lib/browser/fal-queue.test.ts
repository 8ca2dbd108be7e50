import { ApiError, type FalClient } from "@fal-ai/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deferred } from "@/lib/store/test-support";
import type { RunUpdate } from "@/lib/store/types";
import { toAppError } from "./errors";
import { createFalQueue, STREAM_IDLE_MS } from "./fal-queue";

/** The calls to fal over `fal`, with image code that never loads (no result is preloaded here). */
const queue = (fal: FalClient) =>
  createFalQueue({ load: () => new Promise(() => {}), loaded: () => null }, fal);

/** A FalStream stand-in: the test emits events, ends or fails it. */
function fakeStream() {
  const listeners: ((data: unknown) => void)[] = [];
  const done = deferred<unknown>();
  const state = { aborted: false };
  return {
    state,
    stream: {
      on: (type: string, listener: (data: unknown) => void) => {
        if (type === "data") listeners.push(listener);
      },
      done: () => done.promise,
      abort: () => {
        state.aborted = true;
        // Like fal's FalStream: an aborted stream's done() resolves with the last event.
        done.resolve({});
      },
    },
    emit: (data: unknown) => {
      for (const listener of listeners) listener(data);
    },
    end: () => done.resolve(undefined),
    fail: (error: unknown) => done.reject(error),
  };
}

type PollOptions = { requestId: string; logs?: boolean; abortSignal?: AbortSignal };

/** A fake fal client for the browser services: one status stream, polling and results. */
function fakeFal(options: { result?: unknown; streamError?: unknown } = {}) {
  const stream = fakeStream();
  const polls: PollOptions[] = [];
  const poll = deferred<void>();
  const upload = deferred<string>();
  const fal = {
    storage: { upload: () => upload.promise },
    queue: {
      streamStatus: async () => {
        if (options.streamError) throw options.streamError;
        return stream.stream;
      },
      status: async (_endpoint: string, pollOptions: PollOptions) => {
        polls.push(pollOptions);
        await poll.promise;
        return { status: "COMPLETED" };
      },
      result: async () => ({ data: options.result, requestId: "req-1" }),
    },
  } as unknown as FalClient;
  return { services: queue(fal), stream, polls, poll, upload };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("browser services: status stream with polling fallback (3, 10)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("follows the stream to COMPLETED, adding up its log deltas, without polling", async () => {
    const fal = fakeFal();
    const updates: RunUpdate[] = [];
    const watching = fal.services.watch("req-1", (update) => updates.push(update));
    await flush();
    fal.stream.emit({ status: "IN_QUEUE", queue_position: 1 });
    fal.stream.emit({ status: "IN_PROGRESS", logs: [{ message: "Step 1/2" }] });
    fal.stream.emit({ status: "IN_PROGRESS", logs: [{ message: "Step 2/2" }] });
    fal.stream.emit({ status: "COMPLETED", logs: [] });
    fal.stream.end();
    await watching;
    expect(updates).toEqual([
      { status: "IN_QUEUE", queuePosition: 1 },
      { status: "IN_PROGRESS", logs: ["Step 1/2"] },
      { status: "IN_PROGRESS", logs: ["Step 1/2", "Step 2/2"] },
    ]);
    expect(fal.polls).toEqual([]);
  });

  it("is done as soon as COMPLETED arrives, without waiting for the stream to close", async () => {
    const fal = fakeFal();
    const watching = fal.services.watch("req-1", () => {});
    await flush();
    fal.stream.emit({ status: "COMPLETED", logs: [] });
    await watching;
    expect(fal.stream.state.aborted).toBe(true);
    expect(fal.polls).toEqual([]);
  });

  it("polls when the stream ends before COMPLETED", async () => {
    const fal = fakeFal();
    const controller = new AbortController();
    const watching = fal.services.watch("req-1", () => {}, controller.signal);
    await flush();
    fal.stream.emit({ status: "IN_PROGRESS", logs: [] });
    fal.stream.end();
    await flush();
    expect(fal.polls).toEqual([{ requestId: "req-1", logs: true, abortSignal: controller.signal }]);
    fal.poll.resolve();
    await watching;
  });

  it("polls every 500 ms counted from each poll's start, not from its answer", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const startedAt: number[] = [];
    const answers = ["IN_QUEUE", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED"];
    const fal = {
      queue: {
        streamStatus: async () => {
          throw new ApiError({ message: "Bad Gateway", status: 502, body: {} });
        },
        // Each answer takes 120 ms (600 ms for the second: longer than the interval).
        status: async () => {
          startedAt.push(performance.now());
          const wait = startedAt.length === 2 ? 600 : 120;
          await new Promise((resolve) => setTimeout(resolve, wait));
          const status = answers[startedAt.length - 1];
          return { status, queue_position: 0, logs: [] };
        },
      },
    } as unknown as FalClient;
    const updates: RunUpdate[] = [];
    const watching = queue(fal).watch("req-1", (update) => updates.push(update));
    await vi.advanceTimersByTimeAsync(3_000);
    await watching;
    const offsets = startedAt.map((at) => Math.round(at - (startedAt[0] as number)));
    // The third poll follows the slow second one at once; the fourth comes 500 ms after that.
    expect(offsets).toEqual([0, 500, 1_100, 1_600]);
    expect(updates.map((update) => update.status)).toEqual([
      "IN_QUEUE",
      "IN_PROGRESS",
      "IN_PROGRESS",
    ]);
  });

  it("stops polling when the run is cancelled between polls", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    let polls = 0;
    const fal = {
      queue: {
        streamStatus: async () => {
          throw new ApiError({ message: "Bad Gateway", status: 502, body: {} });
        },
        status: async () => {
          polls += 1;
          return { status: "IN_PROGRESS", logs: [] };
        },
      },
    } as unknown as FalClient;
    const controller = new AbortController();
    const watching = queue(fal).watch("req-1", () => {}, controller.signal);
    const settled = watching.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_200);
    expect(polls).toBe(3);
    controller.abort();
    expect(await settled).toMatchObject({ name: "AbortError" });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(polls).toBe(3);
  });

  it("polls when the stream stays silent for 20 s", async () => {
    vi.useFakeTimers();
    const fal = fakeFal();
    const watching = fal.services.watch("req-1", () => {});
    await flush();
    fal.stream.emit({ status: "IN_QUEUE", queue_position: 3 });
    await vi.advanceTimersByTimeAsync(STREAM_IDLE_MS - 1);
    expect(fal.polls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fal.stream.state.aborted).toBe(true);
    expect(fal.polls).toHaveLength(1);
    fal.poll.resolve();
    await watching;
  });

  it("polls after a 4xx from the stream path, but not after a 404 for the request", async () => {
    const routeMissing = fakeFal({
      streamError: new ApiError({ message: "Method Not Allowed", status: 405, body: {} }),
    });
    const watching = routeMissing.services.watch("req-1", () => {});
    await flush();
    expect(routeMissing.polls).toHaveLength(1);
    routeMissing.poll.resolve();
    await watching;

    const gone = fakeFal();
    const failing = gone.services.watch("req-1", () => {});
    await flush();
    gone.stream.fail(
      new ApiError({
        message: "Not Found",
        status: 404,
        body: { detail: "Request req-1 not found" },
      }),
    );
    await expect(failing).rejects.toBeInstanceOf(ApiError);
    expect(gone.polls).toHaveLength(0);
  });

  it("aborts the stream when the run is cancelled, and does not poll", async () => {
    const fal = fakeFal();
    const controller = new AbortController();
    const watching = fal.services.watch("req-1", () => {}, controller.signal);
    await flush();
    controller.abort();
    await expect(watching).rejects.toMatchObject({ name: "AbortError" });
    expect(fal.stream.state.aborted).toBe(true);
    expect(fal.polls).toHaveLength(0);
  });

  it("stops waiting for an upload when the run is cancelled", async () => {
    const fal = fakeFal();
    const controller = new AbortController();
    const uploading = fal.services.upload(
      new File([new Uint8Array([1, 2, 3])], "photo.png"),
      controller.signal,
    );
    controller.abort();
    await expect(uploading).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("browser services: results are checked (11)", () => {
  const image = {
    url: "https://cdn.example/a.png",
    width: 8,
    height: 8,
    content_type: "image/png",
  };
  const good = { images: [image], timings: {}, seed: 1, has_nsfw_concepts: [false], prompt: "p" };

  it("accepts http(s) and data:image URLs", async () => {
    await expect(fakeFal({ result: good }).services.result("req-1")).resolves.toMatchObject(good);
    const inline = { ...good, images: [{ ...image, url: "data:image/png;base64,AQID" }] };
    await expect(fakeFal({ result: inline }).services.result("req-1")).resolves.toBeTruthy();
  });

  it("refuses malformed results and unsafe image URLs as upstream failures", async () => {
    const missing = fakeFal({ result: { images: "nope" } }).services.result("req-1");
    await expect(missing).rejects.toThrow(/cannot read/);
    for (const url of ["javascript:alert(1)", "data:text/html,<b>x</b>", "blob:https://x/y"]) {
      const bad = { ...good, images: [{ ...image, url }] };
      const error = await fakeFal({ result: bad })
        .services.result("req-1")
        .catch((thrown: unknown) => thrown);
      expect(toAppError(error)).toMatchObject({ kind: "upstream" });
      expect(toAppError(error).message).toMatch(/neither http\(s\) nor a data:image URI/);
    }
  });
});
