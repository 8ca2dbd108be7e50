/**
 * The batch queue as a pure model: items move queued → uploading → running → done | failed |
 * cancelled; every operation takes a state and returns a new one (nothing is mutated, nothing is
 * awaited, the clock comes in as `now`), so the store's runner stays thin and every rule here is
 * unit-tested. Item records may carry more fields (the batch record's input, prompt …): the
 * functions are generic and keep them.
 */

import { type ItemStatus, isActive, isFinished } from "./status";

export { type ItemStatus, isActive, isFinished };

/** A person's verdict on an item's result. */
export type Review = "kept" | "rejected";

/** One image's place in the queue. */
export interface QueueItem {
  id: string;
  status: ItemStatus;
  /** Run order among queued items: lower runs first. */
  rank: number;
  /** The seed this item is (or will be) sent with. */
  seed: number;
  /** The input's URL once uploaded (or the listed URL); null until then. */
  imageUrl: string | null;
  /** The run that edits it, once launched. */
  runId: string | null;
  /** The server's request id, once submitted: with it a reload resumes instead of re-running. */
  requestId: string | null;
  /** How many times it was started (a refusal does not count). */
  attempts: number;
  /** Why it failed, for people; null otherwise. */
  error: string | null;
  /** Milliseconds since the epoch. */
  startedAt: number | null;
  finishedAt: number | null;
  review: Review | null;
}

/** Why the queue is paused. */
export interface QueuePause {
  /** `user`: paused by hand; `refused`: the server refused a run (429, spend limit). */
  reason: "user" | "refused";
  /** The server's message, for a refusal. */
  message: string | null;
  /** When a refusal's back-off ends (ms since the epoch); null when paused by hand. */
  resumeAt: number | null;
}

export interface QueueState<T extends QueueItem = QueueItem> {
  /** In input order (the order a grid shows); run order is `rank`. */
  items: T[];
  /** How many items upload or run at once. */
  concurrency: number;
  pause: QueuePause | null;
}

/** fal's default concurrency per account: two requests at a time. */
export const DEFAULT_CONCURRENCY = 2;
/** The most items a batch runs at once. */
export const MAX_CONCURRENCY = 8;
/** How long a refusal without `Retry-After` pauses the batch. */
export const DEFAULT_BACKOFF_MS = 30_000;

/** Keeps a concurrency within 1–{@link MAX_CONCURRENCY} (whole numbers; default for junk). */
export function clampConcurrency(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_CONCURRENCY;
  return Math.min(MAX_CONCURRENCY, Math.max(1, Math.round(value)));
}

/** A new queued item (rank by position). */
export function queuedItem(
  id: string,
  seed: number,
  rank: number,
  imageUrl: string | null = null,
): QueueItem {
  return {
    id,
    status: "queued",
    rank,
    seed,
    imageUrl,
    runId: null,
    requestId: null,
    attempts: 0,
    error: null,
    startedAt: null,
    finishedAt: null,
    review: null,
  };
}

/** A queue of `items` (all queued, run in the order given), not paused. */
export function createQueue<T extends QueueItem>(
  items: readonly T[],
  concurrency: number = DEFAULT_CONCURRENCY,
): QueueState<T> {
  return { items: [...items], concurrency: clampConcurrency(concurrency), pause: null };
}

function patch<T extends QueueItem>(
  state: QueueState<T>,
  id: string,
  change: (item: T) => Partial<QueueItem> | null,
): QueueState<T> {
  let isChanged = false;
  const items = state.items.map((item) => {
    if (item.id !== id) return item;
    const next = change(item);
    if (!next) return item;
    isChanged = true;
    return { ...item, ...next };
  });
  return isChanged ? { ...state, items } : state;
}

function patchWhere<T extends QueueItem>(
  state: QueueState<T>,
  where: (item: T) => boolean,
  change: (item: T) => Partial<QueueItem>,
): QueueState<T> {
  if (!state.items.some(where)) return state;
  return {
    ...state,
    items: state.items.map((item) => (where(item) ? { ...item, ...change(item) } : item)),
  };
}

function firstRank(state: QueueState): number {
  return Math.min(0, ...state.items.map((item) => item.rank)) - 1;
}

function lastRank(state: QueueState): number {
  return Math.max(0, ...state.items.map((item) => item.rank)) + 1;
}

/** Queued items in run order. */
export function queuedInOrder<T extends QueueItem>(state: QueueState<T>): T[] {
  return state.items
    .filter((item) => item.status === "queued")
    .sort((a, b) => a.rank - b.rank || state.items.indexOf(a) - state.items.indexOf(b));
}

/**
 * Starts queued items, in run order, while fewer than `concurrency` are active and the queue is
 * not paused: an item whose image has a URL goes straight to `running`, any other to
 * `uploading`. Returns the new state and the started items (as they are now).
 */
export function takeNext<T extends QueueItem>(
  state: QueueState<T>,
  now: number,
): { state: QueueState<T>; started: T[] } {
  if (state.pause) return { state, started: [] };
  const free = state.concurrency - state.items.filter(isActive).length;
  if (free <= 0) return { state, started: [] };
  const chosen = new Set(
    queuedInOrder(state)
      .slice(0, free)
      .map((item) => item.id),
  );
  if (chosen.size === 0) return { state, started: [] };
  const started: T[] = [];
  const items = state.items.map((item) => {
    if (!chosen.has(item.id)) return item;
    const next: T = {
      ...item,
      status: item.imageUrl ? "running" : "uploading",
      attempts: item.attempts + 1,
      startedAt: now,
      finishedAt: null,
      error: null,
    };
    started.push(next);
    return next;
  });
  return { state: { ...state, items }, started };
}

/**
 * The queued items whose uploads should start now, just ahead of their runs: the next
 * `concurrency` queued items in run order that have no URL yet (`pending` lists those being
 * uploaded already, which are left out).
 */
export function nextUploads<T extends QueueItem>(
  state: QueueState<T>,
  pending: ReadonlySet<string> = new Set(),
): T[] {
  return queuedInOrder(state)
    .slice(0, state.concurrency)
    .filter((item) => item.imageUrl === null && !pending.has(item.id));
}

/** Records an item's uploaded URL; an `uploading` item goes on to `running`. */
export function uploaded<T extends QueueItem>(
  state: QueueState<T>,
  id: string,
  imageUrl: string,
): QueueState<T> {
  return patch(state, id, (item) =>
    isFinished(item)
      ? null
      : { imageUrl, ...(item.status === "uploading" ? { status: "running" as const } : {}) },
  );
}

/** Records the run that edits a running item. */
export function attachRun<T extends QueueItem>(
  state: QueueState<T>,
  id: string,
  runId: string,
): QueueState<T> {
  return patch(state, id, (item) => (item.status === "running" ? { runId } : null));
}

/** Records a running item's request id (from then on a reload resumes it). */
export function submitted<T extends QueueItem>(
  state: QueueState<T>,
  id: string,
  requestId: string,
): QueueState<T> {
  return patch(state, id, (item) =>
    item.status === "running" && item.requestId !== requestId ? { requestId } : null,
  );
}

/** An active item completed. */
export function succeed<T extends QueueItem>(
  state: QueueState<T>,
  id: string,
  now: number,
): QueueState<T> {
  return patch(state, id, (item) =>
    isActive(item) ? { status: "done", finishedAt: now, error: null } : null,
  );
}

/** An active item failed, with a message for people. */
export function fail<T extends QueueItem>(
  state: QueueState<T>,
  id: string,
  message: string,
  now: number,
): QueueState<T> {
  return patch(state, id, (item) =>
    isActive(item) ? { status: "failed", finishedAt: now, error: message } : null,
  );
}

/** An item ended cancelled (its run was cancelled, or it had not started). */
export function cancelled<T extends QueueItem>(
  state: QueueState<T>,
  id: string,
  now: number,
): QueueState<T> {
  return patch(state, id, (item) =>
    isFinished(item) ? null : { status: "cancelled", finishedAt: now },
  );
}

/**
 * The server refused an active item's run for now (429 Too Many Requests, a spend limit): the
 * item goes back to the front of the queue — its start not counted, its upload kept — and the
 * whole queue pauses with the server's message until `retryAfterMs` from now
 * ({@link DEFAULT_BACKOFF_MS} when the server gave no `Retry-After`). A later refusal never
 * shortens a back-off already running; a pause by hand stays a pause by hand.
 */
export function refuse<T extends QueueItem>(
  state: QueueState<T>,
  id: string,
  message: string,
  now: number,
  retryAfterMs: number | null = null,
): QueueState<T> {
  const rank = firstRank(state);
  const requeued = patch(state, id, (item) =>
    isActive(item)
      ? {
          status: "queued",
          rank,
          runId: null,
          requestId: null,
          attempts: Math.max(0, item.attempts - 1),
          startedAt: null,
          error: null,
        }
      : null,
  );
  const resumeAt = now + Math.max(0, retryAfterMs ?? DEFAULT_BACKOFF_MS);
  const current = state.pause;
  if (current?.reason === "user") return requeued;
  const later = current?.resumeAt != null && current.resumeAt > resumeAt;
  return {
    ...requeued,
    pause: { reason: "refused", message, resumeAt: later ? current.resumeAt : resumeAt },
  };
}

/** Pauses the queue by hand: nothing new starts; active items carry on. */
export function pause<T extends QueueItem>(state: QueueState<T>): QueueState<T> {
  if (state.pause?.reason === "user") return state;
  return { ...state, pause: { reason: "user", message: null, resumeAt: null } };
}

/** Resumes a paused queue (a refusal's back-off included: the person chose to try now). */
export function resume<T extends QueueItem>(state: QueueState<T>): QueueState<T> {
  return state.pause ? { ...state, pause: null } : state;
}

/** Resumes a queue whose refusal back-off has ended by `now`; otherwise changes nothing. */
export function resumeIfDue<T extends QueueItem>(state: QueueState<T>, now: number): QueueState<T> {
  const { pause: current } = state;
  if (current?.reason !== "refused" || current.resumeAt === null || current.resumeAt > now) {
    return state;
  }
  return { ...state, pause: null };
}

/**
 * Cancels the batch: queued and uploading items end cancelled at once; running items are listed
 * (their runs are cancelled by the caller, and end through {@link cancelled}). Clears any pause.
 */
export function cancelAll<T extends QueueItem>(
  state: QueueState<T>,
  now: number,
): { state: QueueState<T>; running: T[] } {
  const running = state.items.filter((item) => item.status === "running");
  const next = patchWhere(
    state,
    (item) => item.status === "queued" || item.status === "uploading",
    () => ({ status: "cancelled", finishedAt: now }),
  );
  return { state: { ...next, pause: null }, running };
}

/** Puts every failed item back at the end of the queue (its upload kept). */
export function retryFailed<T extends QueueItem>(state: QueueState<T>): QueueState<T> {
  let rank = lastRank(state);
  return patchWhere(
    state,
    (item) => item.status === "failed",
    () => ({
      status: "queued",
      rank: rank++,
      runId: null,
      requestId: null,
      error: null,
      startedAt: null,
      finishedAt: null,
    }),
  );
}

/**
 * Runs finished items again with a new seed each (`newSeed` draws it): by default the rejected
 * ones. They go to the end of the queue, unreviewed; their earlier runs are the caller's to drop.
 */
export function requeue<T extends QueueItem>(
  state: QueueState<T>,
  newSeed: (item: T) => number,
  which: (item: T) => boolean = (item) => item.review === "rejected",
): QueueState<T> {
  let rank = lastRank(state);
  return patchWhere(
    state,
    (item) => isFinished(item) && which(item),
    (item) => ({
      status: "queued",
      rank: rank++,
      seed: newSeed(item),
      runId: null,
      requestId: null,
      error: null,
      startedAt: null,
      finishedAt: null,
      review: null,
    }),
  );
}

/** Moves a queued item to the front of the run order. */
export function moveToFront<T extends QueueItem>(state: QueueState<T>, id: string): QueueState<T> {
  const rank = firstRank(state);
  return patch(state, id, (item) => (item.status === "queued" ? { rank } : null));
}

/** Changes how many items upload or run at once (1–{@link MAX_CONCURRENCY}). */
export function setConcurrency<T extends QueueItem>(
  state: QueueState<T>,
  concurrency: number,
): QueueState<T> {
  const value = clampConcurrency(concurrency);
  return value === state.concurrency ? state : { ...state, concurrency: value };
}

/** Keeps or rejects a done item's result (null clears the mark). */
export function setReview<T extends QueueItem>(
  state: QueueState<T>,
  id: string,
  review: Review | null,
): QueueState<T> {
  return patch(state, id, (item) =>
    item.status === "done" && item.review !== review ? { review } : null,
  );
}

/**
 * A queue read back after the page closed: an uploading item is queued again (its upload kept
 * when it finished), and so is a running item that was never submitted (no request id: nothing
 * runs on the server). A running item with a request id stays running, for its run to be resumed.
 */
export function revive<T extends QueueItem>(state: QueueState<T>): QueueState<T> {
  return patchWhere(
    state,
    (item) => item.status === "uploading" || (item.status === "running" && !item.requestId),
    (item) => ({
      status: "queued",
      runId: null,
      attempts: Math.max(0, item.attempts - 1),
      startedAt: null,
    }),
  );
}

/** How far a batch has come. */
export interface Progress {
  total: number;
  queued: number;
  uploading: number;
  running: number;
  done: number;
  failed: number;
  cancelled: number;
  /** Items that have ended, of those not cancelled (0–1). */
  fraction: number;
  /** Completed items per minute lately; null until it can be told. */
  throughputPerMinute: number | null;
  /** Milliseconds until the queued and active items are done at that pace; null when unknown. */
  etaMs: number | null;
}

/** Completions the throughput is measured over (the latest ones). */
export const THROUGHPUT_WINDOW = 20;

/**
 * Counts by status, throughput over the latest {@link THROUGHPUT_WINDOW} completions (with only
 * one, `concurrency` items per its duration), and the ETA for what is left at that pace (null while paused by hand or when
 * nothing is left).
 */
export function progress(state: QueueState, now: number): Progress {
  const counts = { queued: 0, uploading: 0, running: 0, done: 0, failed: 0, cancelled: 0 };
  for (const item of state.items) counts[item.status] += 1;
  const total = state.items.length;
  const wanted = total - counts.cancelled;
  const fraction = wanted === 0 ? 1 : (counts.done + counts.failed) / wanted;
  const finishes = state.items
    .filter((item) => item.status === "done" && item.finishedAt !== null)
    .sort((a, b) => (a.finishedAt as number) - (b.finishedAt as number))
    .slice(-THROUGHPUT_WINDOW);
  let perMs: number | null = null;
  const first = finishes[0];
  const last = finishes[finishes.length - 1];
  if (finishes.length >= 2 && first && last && last.finishedAt !== first.finishedAt) {
    perMs = (finishes.length - 1) / ((last.finishedAt as number) - (first.finishedAt as number));
  } else if (last?.startedAt != null && last.finishedAt !== null) {
    const took = Math.max(1, last.finishedAt - last.startedAt);
    perMs = state.concurrency / took;
  }
  const left = counts.queued + counts.uploading + counts.running;
  const isHeld = state.pause?.reason === "user";
  let etaMs: number | null = null;
  if (perMs && left > 0 && !isHeld) {
    const backoff = state.pause?.resumeAt != null ? Math.max(0, state.pause.resumeAt - now) : 0;
    etaMs = Math.round(left / perMs + backoff);
  }
  return {
    total,
    ...counts,
    fraction,
    throughputPerMinute: perMs === null ? null : perMs * 60_000,
    etaMs,
  };
}
