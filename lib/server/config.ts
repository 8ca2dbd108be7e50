import "server-only";

/** Which upstream the proxy talks to. */
export type Backend = "fal" | "local";

/** The three fal hosts the client knows, by role. */
export type UpstreamRole = "queue" | "run" | "rest";

/** Where each fal host's traffic goes. */
export interface Upstream {
  backend: Backend;
  /** `fal.ai` (the real hosts), `custom` (FAL_UPSTREAM_ORIGIN) or `local` (the built-in engine). */
  kind: "fal.ai" | "custom" | "local";
  /** Base URL per role, without a trailing slash. */
  bases: Record<UpstreamRole, string>;
}

type Env = Record<string, string | undefined>;

/** A server configuration error, reported as 503 by the routes. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const FAL_BASES: Record<UpstreamRole, string> = {
  queue: "https://queue.fal.run",
  run: "https://fal.run",
  rest: "https://rest.fal.ai",
};

/** Path under which the local engine is served, with fal's `/queue`, `/run`, `/rest` layout. */
export const LOCAL_ENGINE_BASE_PATH = "/api/engine";

/**
 * The active backend: `KONTEXT_BACKEND` when set (`fal` or `local`), else `fal` when `FAL_KEY`
 * is set, else `local`.
 */
export function getBackend(env: Env = process.env): Backend {
  const chosen = env.KONTEXT_BACKEND?.trim().toLowerCase();
  if (chosen === "fal" || chosen === "local") return chosen;
  if (chosen) {
    throw new ConfigError(`KONTEXT_BACKEND must be "fal" or "local", not "${env.KONTEXT_BACKEND}"`);
  }
  return getFalKey(env) ? "fal" : "local";
}

/** The server's fal key (`FAL_KEY`), or undefined. Never send it anywhere but the upstream. */
export function getFalKey(env: Env = process.env): string | undefined {
  const key = env.FAL_KEY?.trim();
  return key ? key : undefined;
}

/**
 * The origin the local engine is reached at from inside this server. `next start` stores the
 * port it listens on in `PORT`; the engine is always called over loopback, never via a
 * request's Host header (which a caller controls).
 */
export function getLocalEngineOrigin(env: Env = process.env): string {
  const port = Number(env.PORT ?? "3000");
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  }
  return `http://127.0.0.1:${port}`;
}

/** Parses `FAL_UPSTREAM_ORIGIN`: an http(s) origin with an optional base path, no query. */
export function parseUpstreamOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value is not echoed: it may carry credentials, and this message reaches /api/health.
    throw new ConfigError(
      "FAL_UPSTREAM_ORIGIN is not a URL (expected an origin such as https://gateway.example/base)",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError("FAL_UPSTREAM_ORIGIN must be an http or https URL");
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError("FAL_UPSTREAM_ORIGIN must not carry a query, fragment or credentials");
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** Where the proxy sends each kind of request, from the environment. */
export function getUpstream(env: Env = process.env): Upstream {
  const backend = getBackend(env);
  if (backend === "local") {
    const base = `${getLocalEngineOrigin(env)}${LOCAL_ENGINE_BASE_PATH}`;
    return { backend, kind: "local", bases: withRoles(base) };
  }
  const custom = env.FAL_UPSTREAM_ORIGIN?.trim();
  if (custom) {
    return { backend, kind: "custom", bases: withRoles(parseUpstreamOrigin(custom)) };
  }
  return { backend, kind: "fal.ai", bases: { ...FAL_BASES } };
}

function withRoles(base: string): Record<UpstreamRole, string> {
  return { queue: `${base}/queue`, run: `${base}/run`, rest: `${base}/rest` };
}

function readNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

/** Settings of the built-in local engine. */
export interface LocalEngineSettings {
  /** Simulated milliseconds per inference step (`LOCAL_ENGINE_STEP_MS`, default 30). */
  stepMs: number;
  /** Folder for uploads, outputs and results (`LOCAL_ENGINE_DATA_DIR`, default `.data/engine`). */
  dataDir: string;
  /** Total bytes kept before the oldest files go (`LOCAL_ENGINE_MAX_STORAGE_MB`, default 1024). */
  maxStorageBytes: number;
  /** Age after which files and results are deleted (`LOCAL_ENGINE_MAX_AGE_HOURS`, default 168). */
  maxAgeMs: number;
}

/** Reads the local engine's settings from the environment, refusing nonsense values. */
export function getLocalEngineSettings(env: Env = process.env): LocalEngineSettings {
  return {
    stepMs: readNumber(env, "LOCAL_ENGINE_STEP_MS", 30, 0, 10_000),
    dataDir: env.LOCAL_ENGINE_DATA_DIR?.trim() || ".data/engine",
    maxStorageBytes:
      readNumber(env, "LOCAL_ENGINE_MAX_STORAGE_MB", 1024, 1, 1_048_576) * 1024 * 1024,
    maxAgeMs: readNumber(env, "LOCAL_ENGINE_MAX_AGE_HOURS", 168, 0.01, 87_600) * 3_600_000,
  };
}
