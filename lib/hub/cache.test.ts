import { describe, expect, it } from "vitest";
import { TtlCache } from "./cache";
import { RateLimiter } from "./rate-limit";

describe("TtlCache", () => {
  it("forgets entries after their time to live", () => {
    let now = 0;
    const cache = new TtlCache<string>(10, () => now);
    cache.set("a", "A", 1_000);
    now = 999;
    expect(cache.get("a")).toBe("A");
    now = 1_000;
    expect(cache.get("a")).toBeUndefined();
  });

  it("keeps at most maxEntries, dropping the least recently used", () => {
    const cache = new TtlCache<number>(2);
    cache.set("a", 1, 60_000);
    cache.set("b", 2, 60_000);
    cache.get("a");
    cache.set("c", 3, 60_000);
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
  });

  it("shares one load between concurrent callers and does not cache failures", async () => {
    const cache = new TtlCache<number>(10);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return 42;
    };
    const results = await Promise.all([
      cache.getOrLoad("k", load, 1_000),
      cache.getOrLoad("k", load, 1_000),
    ]);
    expect(results).toEqual([42, 42]);
    expect(await cache.getOrLoad("k", load, 1_000)).toBe(42);
    expect(loads).toBe(1);
    await expect(
      cache.getOrLoad("bad", () => Promise.reject(new Error("no")), 1_000),
    ).rejects.toThrow("no");
    expect(await cache.getOrLoad("bad", async () => 7, 1_000)).toBe(7);
  });
});

describe("RateLimiter", () => {
  it("allows a burst, then refuses with the wait, then refills", () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60, 100, () => now);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")].every((d) => d.ok)).toBe(true);
    expect(limiter.take("a")).toEqual({ ok: false, retryAfter: 1 });
    expect(limiter.take("b").ok).toBe(true);
    now = 1_000;
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
  });

  it("tracks a bounded number of clients", () => {
    const limiter = new RateLimiter(1, 1, 2);
    limiter.take("a");
    limiter.take("b");
    limiter.take("c");
    // "a" was forgotten, so it starts with a full bucket again.
    expect(limiter.take("a").ok).toBe(true);
  });
});
