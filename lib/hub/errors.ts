/**
 * The Hub feature's error vocabulary: one stable `code` per way a look-up can fail, the HTTP
 * status the route answers with, and a plain message for people. Isomorphic, so the browser can
 * switch on `code`.
 */

/** Every way a Hub look-up can fail. */
export type HubErrorCode =
  /** The reference or the query is malformed (nothing was fetched). */
  | "bad_reference"
  | "bad_query"
  /** The repository does not exist (or was deleted). */
  | "not_found"
  /** The repository is private, or hidden from us (the Hub answers 401 for both). */
  | "private"
  /** The repository is gated: its conditions must be accepted with a token. */
  | "gated"
  /** The Hub refused us for too many requests. */
  | "hub_rate_limited"
  /** This server refused the caller for too many requests. */
  | "rate_limited"
  /** The Hub could not be reached (DNS, connection refused, reset). */
  | "unreachable"
  /** The Hub did not answer in time. */
  | "timeout"
  /** The Hub's answer was larger than the cap. */
  | "too_large"
  /** The Hub redirected to another host. */
  | "off_host_redirect"
  /** The Hub answered something that is not what its API returns, or an unexpected status. */
  | "bad_answer"
  /** The server's Hub settings (`HF_ENDPOINT`) are wrong. */
  | "config";

/** The JSON body of every error the Hub routes answer with. */
export interface HubErrorBody {
  code: HubErrorCode;
  message: string;
  /** Seconds to wait before retrying, for `rate_limited` and `hub_rate_limited`. */
  retryAfter?: number;
}

/** HTTP status the routes answer with, per code. */
export const HUB_ERROR_STATUS: Record<HubErrorCode, number> = {
  bad_reference: 400,
  bad_query: 400,
  not_found: 404,
  private: 403,
  gated: 403,
  hub_rate_limited: 503,
  rate_limited: 429,
  unreachable: 502,
  timeout: 504,
  too_large: 502,
  off_host_redirect: 502,
  bad_answer: 502,
  config: 503,
};

/** A failed Hub look-up, with a stable code and a message for people. */
export class HubError extends Error {
  override name = "HubError";
  readonly code: HubErrorCode;
  readonly retryAfter?: number;

  constructor(code: HubErrorCode, message: string, retryAfter?: number) {
    super(message);
    this.code = code;
    if (retryAfter !== undefined) this.retryAfter = retryAfter;
  }

  /** The status the route answers with. */
  get status(): number {
    return HUB_ERROR_STATUS[this.code];
  }

  /** The JSON body the route answers with. */
  toBody(): HubErrorBody {
    const body: HubErrorBody = { code: this.code, message: this.message };
    if (this.retryAfter !== undefined) body.retryAfter = this.retryAfter;
    return body;
  }
}

/** What is known about a failed Hub answer. */
export interface HubFailure {
  status: number;
  /** The Hub's `X-Error-Code` header (`RepoNotFound`, `GatedRepo`, `EntryNotFound` …). */
  errorCode?: string | null;
  /** The Hub's error text (its JSON `error`), used only to recognise gating. */
  text?: string;
  /** The `Retry-After` header. */
  retryAfter?: string | null;
}

/**
 * Maps a failed Hub answer about `what` (e.g. `the model fal/x`) to a {@link HubError}:
 * 404 → `not_found`; 401 → `private` (the Hub hides private and missing repositories alike
 * from anonymous callers); 403 → `gated` when the Hub says so, else `private`; 429 →
 * `hub_rate_limited` (with its Retry-After); anything else → `bad_answer`.
 */
export function hubErrorFromStatus(failure: HubFailure, what: string): HubError {
  const { status, errorCode } = failure;
  const isGated = errorCode === "GatedRepo" || /\bgated\b|restricted/i.test(failure.text ?? "");
  if (status === 404 && errorCode !== "GatedRepo") {
    return new HubError(
      "not_found",
      `${capitalise(what)} is not on the Hub: check the spelling (it may have been deleted)`,
    );
  }
  if ((status === 401 || status === 403) && isGated) {
    return new HubError(
      "gated",
      `${capitalise(what)} is gated: accept its conditions on the Hub, and the server needs an HF_TOKEN with access (fal also needs access to download it)`,
    );
  }
  if (status === 401 || status === 403) {
    return new HubError(
      "private",
      `${capitalise(what)} is private or does not exist: the Hub will not show it to this server`,
    );
  }
  if (status === 429) {
    const retryAfter = parseRetryAfter(failure.retryAfter);
    return new HubError(
      "hub_rate_limited",
      `The Hub is limiting requests from this server; try again ${retryAfter ? `in ${retryAfter} s` : "in a minute"}`,
      retryAfter,
    );
  }
  return new HubError("bad_answer", `The Hub answered ${status} for ${what}; try again later`);
}

/** Seconds from a `Retry-After` header (seconds or an HTTP date), capped at an hour. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value.trim())
    ? Number(value.trim())
    : Math.ceil((Date.parse(value) - now) / 1000);
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;
  return Math.min(seconds, 3_600);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
