import "server-only";
import type { GuardErrorBody, GuardErrorCode } from "@/lib/fal/guard-errors";

const STATUS: Record<GuardErrorCode, number> = {
  access_required: 401,
  access_denied: 401,
  access_attempts: 429,
  rate_limited: 429,
  spend_limit: 402,
  limits_unavailable: 503,
};

/** A guard refusal: the status for `code`, a JSON {@link GuardErrorBody}, `Retry-After` when known. */
export function guardError(
  code: GuardErrorCode,
  message: string,
  extra: Partial<Pick<GuardErrorBody, "retryAfterSeconds" | "budget" | "ownKeyHelps">> = {},
): Response {
  const body: GuardErrorBody = {
    code,
    message,
    detail: message,
    ownKeyHelps: code !== "access_denied" && code !== "access_attempts",
    ...extra,
  };
  const headers = new Headers({ "cache-control": "no-store" });
  if (extra.retryAfterSeconds !== undefined) {
    headers.set("retry-after", String(extra.retryAfterSeconds));
  }
  return Response.json(body, { status: STATUS[code], headers });
}

/** Whole seconds, at least 1, for a `Retry-After` header. */
export function retrySeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** "in 42 seconds", "in 3 minutes", "in 2 hours": when to try again, for messages. */
export function inTime(seconds: number): string {
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  if (seconds < 90 * 60) return `in ${Math.ceil(seconds / 60)} minutes`;
  return `in ${Math.ceil(seconds / 3600)} hours`;
}
