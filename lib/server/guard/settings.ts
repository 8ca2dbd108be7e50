import "server-only";
import ipaddr from "ipaddr.js";
import { ConfigError } from "@/lib/server/config";

type Env = Record<string, string | undefined>;

/** A counting window: its name as written in the variable, and its length. */
export interface Window {
  name: "minute" | "hour" | "day";
  seconds: number;
}

/** `KONTEXT_RATE_LIMIT`: submits per client per window on the server's key. */
export interface RateLimitSetting {
  submits: number;
  window: Window;
}

/** `KONTEXT_SPEND_LIMIT`: predicted US dollars per window on the server's key. */
export interface SpendLimitSetting {
  /** The budget in tenths of a cent ($5 = 5000), so sums carry no floating-point noise. */
  mills: number;
  window: Window;
}

/** Everything that guards the server's key, read from the environment. */
export interface GuardSettings {
  rateLimit: RateLimitSetting | null;
  spendLimit: SpendLimitSetting | null;
  /** `KONTEXT_ACCESS_CODE` (trimmed), or null when runs need no code. */
  accessCode: string | null;
  /** `REDIS_URL`, or null for in-memory counters (one instance). */
  redisUrl: string | null;
  /** `KONTEXT_TRUSTED_PROXIES` as parsed ranges; empty = forwarded-for headers are ignored. */
  trustedProxies: [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

const WINDOWS: Record<Window["name"], number> = { minute: 60, hour: 3_600, day: 86_400 };

function parseWindow(name: string, raw: string, allowed: Window["name"][]): Window {
  const window = name.trim().toLowerCase() as Window["name"];
  if (!allowed.includes(window)) {
    throw new ConfigError(`${raw} must end in /${allowed.join(", /")}`);
  }
  return { name: window, seconds: WINDOWS[window] };
}

/** Parses `KONTEXT_RATE_LIMIT` (`N/minute`, `N/hour` or `N/day`, N a whole number ≥ 1). */
export function parseRateLimit(value: string | undefined): RateLimitSetting | null {
  const raw = value?.trim();
  if (!raw) return null;
  const match = /^(\d{1,9})\s*\/\s*([a-z]+)$/i.exec(raw);
  const submits = Number(match?.[1]);
  if (!match?.[2] || !Number.isInteger(submits) || submits < 1) {
    throw new ConfigError(
      `KONTEXT_RATE_LIMIT must look like 10/minute, 100/hour or 500/day, not "${raw}"`,
    );
  }
  const window = parseWindow(match[2], "KONTEXT_RATE_LIMIT", ["minute", "hour", "day"]);
  return { submits, window };
}

/** Parses `KONTEXT_SPEND_LIMIT` (`USD/hour` or `USD/day`, e.g. `5/day` or `0.50/hour`). */
export function parseSpendLimit(value: string | undefined): SpendLimitSetting | null {
  const raw = value?.trim();
  if (!raw) return null;
  const match = /^\$?(\d{1,7}(?:\.\d{1,3})?)\s*\/\s*([a-z]+)$/i.exec(raw);
  const mills = Math.round(Number(match?.[1]) * 1000);
  if (!match?.[2] || !Number.isFinite(mills) || mills < 1) {
    throw new ConfigError(
      `KONTEXT_SPEND_LIMIT must be US dollars per hour or day, such as 5/day or 0.50/hour, not "${raw}"`,
    );
  }
  return { mills, window: parseWindow(match[2], "KONTEXT_SPEND_LIMIT", ["hour", "day"]) };
}

/** Parses `KONTEXT_ACCESS_CODE`: at least 6 characters when set. */
export function parseAccessCode(value: string | undefined): string | null {
  const code = value?.trim();
  if (!code) return null;
  if (code.length < 6 || code.length > 256) {
    // The code itself is never echoed: this message reaches /api/health.
    throw new ConfigError("KONTEXT_ACCESS_CODE must be 6 to 256 characters long");
  }
  return code;
}

/** Parses `REDIS_URL`: a `redis://` or `rediss://` URL. */
export function parseRedisUrl(value: string | undefined): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // not echoed: it may carry a password
  }
  if (!url || (url.protocol !== "redis:" && url.protocol !== "rediss:") || !url.hostname) {
    throw new ConfigError(
      "REDIS_URL must be a redis:// or rediss:// URL, such as redis://127.0.0.1:6379",
    );
  }
  return raw;
}

/**
 * Parses `KONTEXT_TRUSTED_PROXIES`: a comma-separated list of IP addresses and CIDR ranges of
 * the load balancers in front of the app (e.g. `10.0.0.0/8, 127.0.0.1`).
 */
export function parseTrustedProxies(value: string | undefined): GuardSettings["trustedProxies"] {
  const raw = value?.trim();
  if (!raw) return [];
  return raw.split(",").map((item) => {
    const entry = item.trim();
    try {
      if (entry.includes("/")) return ipaddr.parseCIDR(entry);
      const address = ipaddr.process(entry);
      return [address, address.kind() === "ipv4" ? 32 : 128];
    } catch {
      throw new ConfigError(
        `KONTEXT_TRUSTED_PROXIES must list IP addresses or CIDR ranges separated by commas; "${entry.slice(0, 60)}" is neither`,
      );
    }
  });
}

/** Reads every guard setting, refusing invalid values with a message naming the variable. */
export function getGuardSettings(env: Env = process.env): GuardSettings {
  return {
    rateLimit: parseRateLimit(env.KONTEXT_RATE_LIMIT),
    spendLimit: parseSpendLimit(env.KONTEXT_SPEND_LIMIT),
    accessCode: parseAccessCode(env.KONTEXT_ACCESS_CODE),
    redisUrl: parseRedisUrl(env.REDIS_URL),
    trustedProxies: parseTrustedProxies(env.KONTEXT_TRUSTED_PROXIES),
  };
}
