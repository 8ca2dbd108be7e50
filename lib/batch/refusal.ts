import type { AppError } from "@/lib/domain/app-error";
import { DEFAULT_BACKOFF_MS } from "./queue";

/**
 * Whether a failure is the server refusing for now rather than the item failing: fal's 429 Too
 * Many Requests, or this app's guard (its rate limit or spend limit) — `rate_limit` in the
 * playground's error vocabulary. A batch pauses on it instead of failing every item.
 */
export function isRefusal(error: AppError | null): boolean {
  return error?.kind === "rate_limit";
}

/** How long to back off after a refusal: its `Retry-After`, else {@link DEFAULT_BACKOFF_MS}. */
export function backoffMs(error: AppError): number {
  const seconds = error.retryAfterSeconds;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0
    ? Math.round(seconds * 1000)
    : DEFAULT_BACKOFF_MS;
}
