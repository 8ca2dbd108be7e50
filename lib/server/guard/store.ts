import "server-only";
import { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { errorMessage } from "@/lib/domain/app-error";

/** The counters' store cannot be reached: runs on the server's key are refused (503). */
export class LimitsUnavailableError extends Error {
  override name = "LimitsUnavailableError";
}

/** What a counter says after counting: within the limit or not, and when its window ends. */
export interface CountResult {
  ok: boolean;
  /** Points counted in the current window, including this call's. */
  consumed: number;
  /** Milliseconds until the window ends. */
  msBeforeNext: number;
}

/** A fixed-window counter (rate-limiter-flexible in Redis or in memory). */
export interface Counter {
  /** Adds `points`; `ok: false` (and nothing added) when that would pass the limit. */
  take(key: string, points: number): Promise<CountResult>;
  /** Corrects a previous `take` by `delta` points (negative gives points back). */
  adjust(key: string, delta: number): Promise<void>;
  /** Points counted in the current window, or 0. */
  peek(key: string): Promise<{ consumed: number; msBeforeNext: number }>;
}

/** Small records kept by id for a while (spend reservations awaiting their result). */
export interface Ledger {
  put(id: string, value: string, ttlSeconds: number): Promise<void>;
  /** Reads and removes a record atomically, so it is settled once even across instances. */
  take(id: string): Promise<string | null>;
}

/** Where counters live: Redis (shared by instances) or this process's memory. */
export interface GuardStore {
  kind: "redis" | "memory";
  counter(name: string, points: number, seconds: number): Counter;
  ledger(name: string): Ledger;
  /** True when the store answers now. */
  ping(): Promise<boolean>;
}

const PREFIX = "kontext";
const READY_WAIT_MS = 1_500;

function wrap(limiter: RateLimiterAbstract): Counter {
  const fail = (error: unknown): never => {
    if (error instanceof RateLimiterRes) throw error;
    throw new LimitsUnavailableError(errorMessage(error));
  };
  return {
    async take(key, points) {
      try {
        const res = await limiter.consume(key, points);
        return { ok: true, consumed: res.consumedPoints, msBeforeNext: res.msBeforeNext };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) fail(error);
        const res = error as RateLimiterRes;
        // consume() counts refused points too; give them back so what is left stays usable.
        await limiter.reward(key, points).catch(fail);
        return { ok: false, consumed: res.consumedPoints - points, msBeforeNext: res.msBeforeNext };
      }
    },
    async adjust(key, delta) {
      if (delta === 0) return;
      await (delta > 0 ? limiter.penalty(key, delta) : limiter.reward(key, -delta)).catch(fail);
    },
    async peek(key) {
      const res = await limiter.get(key).catch(fail);
      return { consumed: res?.consumedPoints ?? 0, msBeforeNext: res?.msBeforeNext ?? 0 };
    },
  };
}

function memoryStore(): GuardStore {
  const ledgers = new Map<string, Map<string, { value: string; expiresAt: number }>>();
  return {
    kind: "memory",
    counter: (name, points, duration) =>
      wrap(new RateLimiterMemory({ keyPrefix: `${PREFIX}:${name}`, points, duration })),
    ledger(name) {
      const records = ledgers.get(name) ?? new Map();
      ledgers.set(name, records);
      return {
        async put(id, value, ttlSeconds) {
          const now = Date.now();
          if (records.size >= 10_000) {
            for (const [key, record] of records) if (record.expiresAt < now) records.delete(key);
            // Still full: drop the oldest (its reservation simply stays counted).
            if (records.size >= 10_000) records.delete(records.keys().next().value as string);
          }
          records.set(id, { value, expiresAt: now + ttlSeconds * 1000 });
        },
        async take(id) {
          const record = records.get(id);
          records.delete(id);
          return record && record.expiresAt > Date.now() ? record.value : null;
        },
      };
    },
    ping: async () => true,
  };
}

function redisStore(url: string): GuardStore {
  const client = new Redis(url, {
    // Fail fast instead of queueing commands while Redis is away: callers get a 503 at once.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let isDown = false;
  client.on("error", (error: Error) => {
    if (!isDown) console.error(`kontext guard: Redis is unreachable (${error.message})`);
    isDown = true;
  });
  client.on("ready", () => {
    isDown = false;
  });
  const ready = async () => {
    if (client.status === "ready") return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        client.off("ready", onReady);
        reject(new LimitsUnavailableError("Redis is not reachable"));
      }, READY_WAIT_MS);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      client.once("ready", onReady);
    });
  };
  const guarded = (counter: Counter): Counter => ({
    take: (key, points) => ready().then(() => counter.take(key, points)),
    adjust: (key, delta) => ready().then(() => counter.adjust(key, delta)),
    peek: (key) => ready().then(() => counter.peek(key)),
  });
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    await ready();
    try {
      return await run();
    } catch (error) {
      throw new LimitsUnavailableError(errorMessage(error));
    }
  };
  return {
    kind: "redis",
    counter: (name, points, duration) =>
      guarded(
        wrap(
          new RateLimiterRedis({
            storeClient: client,
            keyPrefix: `${PREFIX}:${name}`,
            points,
            duration,
            rejectIfRedisNotReady: true,
          }),
        ),
      ),
    ledger: (name) => ({
      put: (id, value, ttl) =>
        call(async () => void (await client.set(`${PREFIX}:${name}:${id}`, value, "EX", ttl))),
      take: (id) =>
        call(async () => (await client.call("GETDEL", `${PREFIX}:${name}:${id}`)) as string | null),
    }),
    ping: async () => {
      try {
        await ready();
        return (await client.ping()) === "PONG";
      } catch {
        return false;
      }
    },
  };
}

/** One counter per name and shape: a memory counter's counts live inside its instance. */
function memoize(store: GuardStore): GuardStore {
  const counters = new Map<string, Counter>();
  return {
    ...store,
    counter(name, points, seconds) {
      const id = `${name}/${points}/${seconds}`;
      let counter = counters.get(id);
      if (!counter) {
        counter = store.counter(name, points, seconds);
        counters.set(id, counter);
      }
      return counter;
    },
  };
}

const KEY = Symbol.for("kontext-playground.guard-stores");
type GlobalWithStores = typeof globalThis & { [KEY]?: Map<string, GuardStore> };

/**
 * The process-wide store for `redisUrl` (null = memory). One per URL, created on first use and
 * kept across route modules, so every route counts in the same place.
 */
export function getGuardStore(redisUrl: string | null): GuardStore {
  const global = globalThis as GlobalWithStores;
  global[KEY] ??= new Map();
  const id = redisUrl ?? "memory";
  let store = global[KEY].get(id);
  if (!store) {
    store = memoize(redisUrl ? redisStore(redisUrl) : memoryStore());
    global[KEY].set(id, store);
  }
  return store;
}
