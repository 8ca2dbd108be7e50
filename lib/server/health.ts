import "server-only";
import { ENDPOINT_ID } from "@/lib/kontext/endpoint";
import { ConfigError, getFalKey, getUpstream } from "./config";
import { getGuardSettings } from "./guard/settings";

/** What the health route reports. Never includes the key or upstream credentials. */
export interface BackendHealth {
  ok: boolean;
  backend: "fal" | "local" | null;
  /** `fal.ai`, `custom` (FAL_UPSTREAM_ORIGIN) or `local` (the built-in engine). */
  upstream: "fal.ai" | "custom" | "local" | null;
  endpoint: string;
  /** Whether the server has a fal key (its value is never shown). */
  hasServerKey: boolean;
  /** A configuration problem, when there is one. */
  problem?: string;
}

/** Which backend is active and whether it is usable. */
export function describeBackend(
  env: Record<string, string | undefined> = process.env,
): BackendHealth {
  const hasServerKey = Boolean(getFalKey(env));
  try {
    const upstream = getUpstream(env);
    getGuardSettings(env); // invalid limits are a configuration problem too
    const isUsable = upstream.backend === "local" || hasServerKey;
    return {
      ok: true,
      backend: upstream.backend,
      upstream: upstream.kind,
      endpoint: ENDPOINT_ID,
      hasServerKey,
      ...(isUsable
        ? {}
        : {
            problem:
              "KONTEXT_BACKEND=fal but FAL_KEY is not set: only callers that bring their own key can run",
          }),
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return {
      ok: false,
      backend: null,
      upstream: null,
      endpoint: ENDPOINT_ID,
      hasServerKey,
      problem: error.message,
    };
  }
}
