import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/server/config";
import {
  getGuardSettings,
  parseAccessCode,
  parseRateLimit,
  parseRedisUrl,
  parseSpendLimit,
  parseTrustedProxies,
} from "./settings";

describe("guard settings", () => {
  it("reads rate limits per minute, hour and day", () => {
    expect(parseRateLimit("10/minute")).toEqual({
      submits: 10,
      window: { name: "minute", seconds: 60 },
    });
    expect(parseRateLimit(" 100 / Hour ")).toEqual({
      submits: 100,
      window: { name: "hour", seconds: 3600 },
    });
    expect(parseRateLimit("500/day")?.window.seconds).toBe(86_400);
    expect(parseRateLimit("")).toBeNull();
  });

  it("reads spend limits in dollars per hour or day, in tenths of a cent", () => {
    expect(parseSpendLimit("5/day")).toEqual({
      mills: 5000,
      window: { name: "day", seconds: 86_400 },
    });
    expect(parseSpendLimit("$0.50/hour")?.mills).toBe(500);
    expect(parseSpendLimit("0.035/hour")?.mills).toBe(35);
  });

  it("refuses invalid values with a ConfigError naming the variable", () => {
    const cases: [string, Record<string, string>][] = [
      ["KONTEXT_RATE_LIMIT", { KONTEXT_RATE_LIMIT: "lots" }],
      ["KONTEXT_RATE_LIMIT", { KONTEXT_RATE_LIMIT: "0/minute" }],
      ["KONTEXT_RATE_LIMIT", { KONTEXT_RATE_LIMIT: "10/week" }],
      ["KONTEXT_SPEND_LIMIT", { KONTEXT_SPEND_LIMIT: "5" }],
      ["KONTEXT_SPEND_LIMIT", { KONTEXT_SPEND_LIMIT: "5/minute" }],
      ["KONTEXT_SPEND_LIMIT", { KONTEXT_SPEND_LIMIT: "-1/day" }],
      ["KONTEXT_ACCESS_CODE", { KONTEXT_ACCESS_CODE: "abc" }],
      ["REDIS_URL", { REDIS_URL: "http://cache:6379" }],
      ["REDIS_URL", { REDIS_URL: "not a url" }],
      ["KONTEXT_TRUSTED_PROXIES", { KONTEXT_TRUSTED_PROXIES: "10.0.0.0/8, proxy.internal" }],
      ["KONTEXT_TRUSTED_PROXIES", { KONTEXT_TRUSTED_PROXIES: "10.0.0.0/33" }],
    ];
    for (const [name, env] of cases) {
      expect(() => getGuardSettings(env), JSON.stringify(env)).toThrow(ConfigError);
      expect(() => getGuardSettings(env), JSON.stringify(env)).toThrow(name);
    }
  });

  it("never echoes the access code or a Redis password in its messages", () => {
    expect(() => parseAccessCode("abc")).toThrow(/6 to 256 characters/);
    expect(() => parseAccessCode("abc")).not.toThrow(/abc/);
    expect(() => parseRedisUrl("http://user:s3cret@cache")).not.toThrow(/s3cret/);
    expect(parseRedisUrl("rediss://:pw@cache.example:6380/0")).toBe(
      "rediss://:pw@cache.example:6380/0",
    );
  });

  it("reads trusted proxies as addresses and CIDR ranges", () => {
    const ranges = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1");
    expect(ranges.map(([address, bits]) => `${address.toString()}/${bits}`)).toEqual([
      "127.0.0.1/32",
      "10.0.0.0/8",
      "::1/128",
    ]);
    expect(parseTrustedProxies(undefined)).toEqual([]);
  });
});

describe("health with invalid guard settings", () => {
  it("reports the problem naming the variable instead of running unguarded", async () => {
    const { describeBackend } = await import("@/lib/server/health");
    const health = describeBackend({ FAL_KEY: "k", KONTEXT_SPEND_LIMIT: "plenty" });
    expect(health.ok).toBe(false);
    expect(health.problem).toMatch(/^KONTEXT_SPEND_LIMIT must be/);
  });
});
