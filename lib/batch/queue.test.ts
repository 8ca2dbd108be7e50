import { describe, expect, it } from "vitest";
import {
  attachRun,
  cancelAll,
  cancelled,
  createQueue,
  DEFAULT_BACKOFF_MS,
  fail,
  moveToFront,
  nextUploads,
  pause,
  progress,
  type QueueItem,
  type QueueState,
  queuedItem,
  refuse,
  requeue,
  resume,
  resumeIfDue,
  retryFailed,
  revive,
  setConcurrency,
  setReview,
  submitted,
  succeed,
  takeNext,
  uploaded,
} from "./queue";

/** A queue of `count` items `a`, `b`, `c` … with seeds 1, 2, 3 …; `withUrl` ones are uploaded. */
function queueOf(count: number, options: { concurrency?: number; withUrl?: boolean } = {}) {
  const items = Array.from({ length: count }, (_, i) =>
    queuedItem(String.fromCharCode(97 + i), i + 1, i, options.withUrl ? `https://u/${i}` : null),
  );
  return createQueue(items, options.concurrency);
}

const statuses = (state: QueueState) =>
  Object.fromEntries(state.items.map((item) => [item.id, item.status]));

/** Takes what can start and marks every started item uploaded (as the runner would). */
function startAll(state: QueueState, now: number): { state: QueueState; started: string[] } {
  const taken = takeNext(state, now);
  let next = taken.state;
  for (const item of taken.started) {
    if (item.status === "uploading") next = uploaded(next, item.id, `https://u/${item.id}`);
    next = attachRun(next, item.id, `run-${item.id}`);
  }
  return { state: next, started: taken.started.map((item) => item.id) };
}

describe("takeNext", () => {
  it("starts two at a time by default, in order", () => {
    const first = takeNext(queueOf(5), 0);
    expect(first.started.map((item) => item.id)).toEqual(["a", "b"]);
    expect(statuses(first.state)).toMatchObject({ a: "uploading", b: "uploading", c: "queued" });
    // Nothing more starts while both slots are taken.
    expect(takeNext(first.state, 1).started).toEqual([]);
  });

  it("starts an item whose image has a URL straight away as running, counting the attempt", () => {
    const { started } = takeNext(queueOf(1, { withUrl: true }), 42);
    expect(started[0]).toMatchObject({ status: "running", attempts: 1, startedAt: 42 });
  });

  it("fills a freed slot as soon as an item ends", () => {
    let state = startAll(queueOf(4), 0).state;
    state = succeed(state, "a", 10);
    expect(startAll(state, 10).started).toEqual(["c"]);
  });

  it("honours a concurrency changed while running, up or down", () => {
    let state = startAll(queueOf(6), 0).state;
    state = setConcurrency(state, 4);
    const more = startAll(state, 1);
    expect(more.started).toEqual(["c", "d"]);
    state = setConcurrency(more.state, 1);
    state = succeed(succeed(state, "a", 2), "b", 2);
    // Two still run (c, d): above the new limit of one, so nothing starts.
    expect(takeNext(state, 3).started).toEqual([]);
    state = succeed(succeed(state, "c", 4), "d", 4);
    expect(startAll(state, 5).started).toEqual(["e"]);
  });

  it("keeps the concurrency between 1 and 8", () => {
    expect(setConcurrency(queueOf(1), 0).concurrency).toBe(1);
    expect(setConcurrency(queueOf(1), 99).concurrency).toBe(8);
    expect(createQueue([], Number.NaN).concurrency).toBe(2);
  });
});

describe("uploads just ahead of their runs", () => {
  it("names the next queued items without a URL, as many as run at once", () => {
    const state = startAll(queueOf(6), 0).state;
    expect(nextUploads(state).map((item) => item.id)).toEqual(["c", "d"]);
    expect(nextUploads(state, new Set(["c"])).map((item) => item.id)).toEqual(["d"]);
  });

  it("starts an item uploaded ahead as running", () => {
    let state = startAll(queueOf(3), 0).state;
    state = uploaded(state, "c", "https://u/c");
    expect(statuses(state).c).toBe("queued");
    state = succeed(state, "a", 1);
    expect(takeNext(state, 1).started[0]).toMatchObject({ id: "c", status: "running" });
  });
});

describe("pause and resume", () => {
  it("starts nothing while paused; running items carry on and end", () => {
    let state = pause(startAll(queueOf(4), 0).state);
    state = succeed(state, "a", 5);
    expect(takeNext(state, 5).started).toEqual([]);
    expect(statuses(state)).toMatchObject({ a: "done", b: "running", c: "queued" });
    state = resume(state);
    expect(startAll(state, 6).started).toEqual(["c"]);
  });
});

describe("a refusal by the server (429, spend limit)", () => {
  it("pauses the whole batch with the message and puts the item back at the front", () => {
    let state = startAll(queueOf(4), 0).state;
    state = refuse(state, "b", "Too many runs", 1_000, 5_000);
    expect(state.pause).toEqual({ reason: "refused", message: "Too many runs", resumeAt: 6_000 });
    expect(state.items.find((item) => item.id === "b")).toMatchObject({
      status: "queued",
      runId: null,
      attempts: 0,
      imageUrl: "https://u/b",
    });
    // Nothing fails, and nothing starts during the back-off.
    expect(statuses(state)).toMatchObject({ a: "running", b: "queued", c: "queued", d: "queued" });
    expect(takeNext(state, 2_000).started).toEqual([]);
  });

  it("backs off 30 s without Retry-After and resumes when the time is up, refused item first", () => {
    let state = startAll(queueOf(4), 0).state;
    state = refuse(state, "b", "Spend limit reached", 1_000);
    expect(state.pause?.resumeAt).toBe(1_000 + DEFAULT_BACKOFF_MS);
    expect(resumeIfDue(state, 30_999)).toBe(state);
    state = resumeIfDue(state, 31_000);
    expect(state.pause).toBeNull();
    expect(takeNext(state, 31_000).started.map((item) => item.id)).toEqual(["b"]);
  });

  it("never shortens a back-off when the other running item is refused too", () => {
    let state = startAll(queueOf(3), 0).state;
    state = refuse(state, "a", "slow down", 0, 60_000);
    state = refuse(state, "b", "slow down", 1_000, 5_000);
    expect(state.pause?.resumeAt).toBe(60_000);
    expect(queueIds(state)).toEqual(["b", "a", "c"]);
  });

  it("keeps a pause by hand a pause by hand (it does not resume on its own)", () => {
    let state = pause(startAll(queueOf(3), 0).state);
    state = refuse(state, "a", "slow down", 0, 1_000);
    expect(state.pause).toEqual({ reason: "user", message: null, resumeAt: null });
    expect(resumeIfDue(state, 10_000).pause?.reason).toBe("user");
  });
});

/** Queued ids in run order. */
function queueIds(state: QueueState): string[] {
  return state.items
    .filter((item) => item.status === "queued")
    .sort((a, b) => a.rank - b.rank)
    .map((item) => item.id);
}

describe("reordering, cancelling and retrying", () => {
  it("moves a queued item to the front of the run order, and only a queued one", () => {
    let state = startAll(queueOf(5), 0).state;
    state = moveToFront(state, "e");
    expect(queueIds(state)).toEqual(["e", "c", "d"]);
    expect(moveToFront(state, "a")).toBe(state);
    // The grid keeps the input order.
    expect(state.items.map((item) => item.id)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("cancels queued and uploading items at once and hands back the running ones", () => {
    let state = takeNext(queueOf(4, { concurrency: 2 }), 0).state;
    state = uploaded(state, "a", "https://u/a");
    state = attachRun(state, "a", "run-a");
    const result = cancelAll(pause(state), 9);
    expect(result.running.map((item) => item.runId)).toEqual(["run-a"]);
    expect(statuses(result.state)).toEqual({
      a: "running",
      b: "cancelled",
      c: "cancelled",
      d: "cancelled",
    });
    expect(result.state.pause).toBeNull();
    expect(statuses(cancelled(result.state, "a", 10)).a).toBe("cancelled");
  });

  it("retries failed items at the end of the queue, keeping their uploads", () => {
    let state = startAll(queueOf(3), 0).state;
    state = fail(state, "a", "HTTP 500", 5);
    expect(state.items[0]).toMatchObject({ status: "failed", error: "HTTP 500", finishedAt: 5 });
    state = retryFailed(state);
    expect(state.items[0]).toMatchObject({
      status: "queued",
      error: null,
      imageUrl: "https://u/a",
    });
    expect(queueIds(state)).toEqual(["c", "a"]);
  });

  it("re-runs rejected items with a new seed, unreviewed, leaving kept ones alone", () => {
    let state = startAll(queueOf(2), 0).state;
    state = succeed(succeed(state, "a", 1), "b", 1);
    state = setReview(setReview(state, "a", "rejected"), "b", "kept");
    state = requeue(state, (item) => item.seed + 100);
    expect(state.items[0]).toMatchObject({
      status: "queued",
      seed: 101,
      review: null,
      runId: null,
    });
    expect(state.items[1]).toMatchObject({ status: "done", seed: 2, review: "kept" });
  });

  it("only reviews items that are done", () => {
    const state = queueOf(1);
    expect(setReview(state, "a", "kept")).toBe(state);
  });
});

describe("revive after a reload", () => {
  it("queues again what never reached the server and keeps what can be resumed", () => {
    let state: QueueState<QueueItem> = startAll(queueOf(4, { concurrency: 3 }), 0).state;
    state = submitted(state, "a", "req-a");
    state = succeed(takeNext(succeed(state, "c", 1), 1).state, "d", 2);
    // a: running with a request id; b: running, never submitted; d: done.
    state = revive(state);
    expect(statuses(state)).toEqual({ a: "running", b: "queued", c: "done", d: "done" });
    expect(state.items[1]).toMatchObject({ runId: null, attempts: 0, imageUrl: "https://u/b" });
    expect(state.items[0]).toMatchObject({ runId: "run-a", requestId: "req-a" });
  });

  it("queues an upload that was in progress again", () => {
    const state = revive(takeNext(queueOf(1), 0).state);
    expect(state.items[0]).toMatchObject({ status: "queued", attempts: 0, imageUrl: null });
  });
});

describe("progress", () => {
  it("counts items by status", () => {
    let state = startAll(queueOf(6), 0).state;
    state = fail(succeed(state, "a", 10), "b", "x", 10);
    state = cancelAll(startAll(state, 10).state, 11).state;
    expect(progress(state, 11)).toMatchObject({
      total: 6,
      queued: 0,
      running: 2,
      done: 1,
      failed: 1,
      cancelled: 2,
      fraction: 0.5,
    });
  });

  it("measures throughput over the latest completions and an ETA for what is left", () => {
    let state = startAll(queueOf(10), 0).state;
    // a and b finish 30 s apart, c at 60 s: 2 items per 60 s = 2/min.
    for (const [id, at] of [
      ["a", 0],
      ["b", 30_000],
      ["c", 60_000],
    ] as const) {
      state = startAll(succeed(state, id, at), at).state;
    }
    const now = progress(state, 60_000);
    expect(now.throughputPerMinute).toBeCloseTo(2);
    // 7 left (2 running, 5 queued) at 2/min: 3.5 min.
    expect(now.etaMs).toBe(210_000);
  });

  it("estimates from one completion's duration at the batch's concurrency", () => {
    let state = startAll(queueOf(5), 0).state;
    state = succeed(state, "a", 20_000);
    // Two at a time, 20 s each: 6/min; 4 left → 40 s.
    expect(progress(state, 20_000)).toMatchObject({ throughputPerMinute: 6, etaMs: 40_000 });
  });

  it("has no pace before anything completes, and no ETA while paused by hand", () => {
    let state = startAll(queueOf(3), 0).state;
    expect(progress(state, 5)).toMatchObject({ throughputPerMinute: null, etaMs: null });
    state = pause(succeed(state, "a", 10_000));
    expect(progress(state, 10_000).etaMs).toBeNull();
  });

  it("adds what is left of a refusal's back-off to the ETA", () => {
    let state = startAll(queueOf(3), 0).state;
    state = succeed(state, "a", 10_000);
    state = refuse(state, "b", "slow down", 10_000, 20_000);
    // 2 left at 2 per 10 s = 10 s, plus 20 s of back-off.
    expect(progress(state, 10_000).etaMs).toBe(30_000);
  });
});
