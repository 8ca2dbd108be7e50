import "server-only";
import { HubError } from "./errors";
import { DEFAULT_HUB_ORIGIN } from "./urls";

type Env = Record<string, string | undefined>;

/** How the server reaches the Hugging Face Hub. */
export interface HubConfig {
  /** The one origin contacted (`HF_ENDPOINT`, default https://huggingface.co), no trailing slash. */
  origin: string;
  /** `HF_TOKEN`, sent only to `origin` (as `Authorization: Bearer …`), never to the browser. */
  token?: string;
  /** Time limit of one Hub call, redirects and body included (`HF_HUB_DOWNLOAD_TIMEOUT`, s). */
  timeoutMs: number;
}

/** Default time limit of one Hub call (10 s, as the Hub's own clients use). */
export const DEFAULT_HUB_TIMEOUT_MS = 10_000;

/**
 * Reads the Hub settings: `HF_ENDPOINT` (an http(s) origin without path, query or credentials),
 * `HF_TOKEN` (optional) and `HF_HUB_DOWNLOAD_TIMEOUT` (seconds, 0.1–60, default 10) — the
 * variables the Hub's own clients read. A malformed value throws a `config` {@link HubError}
 * that does not echo it (it could carry a secret).
 */
export function getHubConfig(env: Env = process.env): HubConfig {
  const raw = env.HF_ENDPOINT?.trim() || DEFAULT_HUB_ORIGIN;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HubError("config", "HF_ENDPOINT is not a URL (expected e.g. https://huggingface.co)");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new HubError("config", "HF_ENDPOINT must be an http or https URL");
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/") {
    throw new HubError(
      "config",
      "HF_ENDPOINT must be an origin only (no path, query or credentials)",
    );
  }
  const token = env.HF_TOKEN?.trim();
  const timeoutRaw = env.HF_HUB_DOWNLOAD_TIMEOUT?.trim();
  let timeoutMs = DEFAULT_HUB_TIMEOUT_MS;
  if (timeoutRaw) {
    const seconds = Number(timeoutRaw);
    if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 60) {
      throw new HubError(
        "config",
        "HF_HUB_DOWNLOAD_TIMEOUT must be a number of seconds from 0.1 to 60",
      );
    }
    timeoutMs = Math.round(seconds * 1000);
  }
  const config: HubConfig = { origin: url.origin, timeoutMs };
  if (token) config.token = token;
  return config;
}
