/**
 * The JSON bodies this app's proxy and `/api/access` answer with when a run on the server's key
 * is refused. The UI tells them apart by `code`; `message` is a sentence for people, and
 * `detail` repeats it so @fal-ai/client's `ApiError.message` shows it too.
 */
export type GuardErrorCode =
  /** 401: `KONTEXT_ACCESS_CODE` is set and this browser has no access session. */
  | "access_required"
  /** 401: `POST /api/access` got a wrong code. */
  | "access_denied"
  /** 429 + `Retry-After`: too many wrong codes from this client. */
  | "access_attempts"
  /** 429 + `Retry-After`: `KONTEXT_RATE_LIMIT` reached for this client. */
  | "rate_limited"
  /** 402: the submit's predicted price does not fit in what is left of `KONTEXT_SPEND_LIMIT`. */
  | "spend_limit"
  /** 503: the counters' store (Redis) cannot be reached, so nothing runs on the server's key. */
  | "limits_unavailable";

/** A refusal's body. */
export interface GuardErrorBody {
  code: GuardErrorCode;
  message: string;
  detail: string;
  /** Seconds until trying again makes sense (also sent as the `Retry-After` header). */
  retryAfterSeconds?: number;
  /** For `spend_limit`: the budget and what is left of it, in US dollars. */
  budget?: { limitUsd: number; window: "hour" | "day"; remainingUsd: number; priceUsd: number };
  /** True when the visitor's own fal key (see `setVisitorFalKey`) would not be held to this. */
  ownKeyHelps: boolean;
}

const CODES: readonly GuardErrorCode[] = [
  "access_required",
  "access_denied",
  "access_attempts",
  "rate_limited",
  "spend_limit",
  "limits_unavailable",
];

/**
 * The guard refusal in `body` (a parsed JSON response body, or an @fal-ai/client `ApiError`'s
 * `body`), or null when it is something else.
 */
export function asGuardError(body: unknown): GuardErrorBody | null {
  if (typeof body !== "object" || body === null) return null;
  const { code, message } = body as { code?: unknown; message?: unknown };
  return CODES.includes(code as GuardErrorCode) && typeof message === "string"
    ? (body as GuardErrorBody)
    : null;
}

/**
 * A guard refusal as the playground's fal client raises it. Deliberately not an `ApiError`:
 * @fal-ai/client retries 429 and 503 answers up to three times with backoff, which only delays
 * "Too many runs — try again in 5 minutes" by seconds (and knocks on the quota again).
 */
export class GuardRefusalError extends Error {
  override name = "GuardRefusalError";
  constructor(
    readonly status: number,
    readonly body: GuardErrorBody,
  ) {
    super(body.message);
  }
}

/**
 * `fetch`, except that a guard refusal from this app's proxy (its JSON body, see
 * {@link asGuardError}) is thrown as a {@link GuardRefusalError} instead of answered.
 */
export async function fetchFailingOnGuard(
  input: RequestInfo | URL,
  init?: RequestInit,
): Promise<Response> {
  const response = await fetch(input, init);
  if (![401, 402, 429, 503].includes(response.status)) return response;
  const refusal = asGuardError(
    await response
      .clone()
      .json()
      .catch(() => null),
  );
  if (refusal) throw new GuardRefusalError(response.status, refusal);
  return response;
}
