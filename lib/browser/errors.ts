import type { ApiError, ValidationError } from "@fal-ai/client";
import {
  type AppError,
  type AppErrorKind,
  appError,
  summarizeFieldErrors,
} from "@/lib/domain/app-error";
import { asGuardError, type GuardErrorBody, GuardRefusalError } from "@/lib/fal/guard-errors";
import { guardMessage } from "@/lib/fal/guard-messages";

export {
  type AppError,
  type AppErrorKind,
  appError,
  summarizeFieldErrors,
} from "@/lib/domain/app-error";

/**
 * Maps anything thrown by the fal client, the network or our own checks to an AppError. This is
 * the only place that looks inside fal's error classes.
 *
 * Kind `cancelled` means only that the client stopped waiting (an `AbortError`); whether a run was
 * cancelled by its user is the store's call (`Run.isCancelRequested`), never the error text's.
 */
export function toAppError(error: unknown): AppError {
  if (isValidationError(error)) {
    const fieldErrors: Record<string, string> = {};
    for (const item of error.fieldErrors) {
      const key = item.loc.filter((part) => part !== "body").join(".") || "input";
      fieldErrors[key] ??= item.msg;
    }
    return withId(
      appError("validation", summarizeFieldErrors(fieldErrors) || error.message, fieldErrors),
      error.requestId,
    );
  }
  if (error instanceof GuardRefusalError) return guardAppError(error.body);
  if (isApiError(error)) {
    const guard = asGuardError(error.body);
    if (guard) return withId(guardAppError(guard), error.requestId);
    const detail = apiErrorText(error);
    const kind: AppErrorKind =
      error.status === 401 || error.status === 403
        ? "auth"
        : error.status === 429
          ? "rate_limit"
          : error.status === 503 && /FAL_KEY/.test(detail)
            ? "config"
            : "upstream";
    return withId(appError(kind, `${detail} (HTTP ${error.status})`), error.requestId);
  }
  if (isAbortError(error)) return appError("cancelled", "Cancelled");
  if (error instanceof TypeError) {
    return appError("network", `Could not reach the server: ${error.message}`);
  }
  return appError("upstream", error instanceof Error ? error.message : "Something went wrong");
}

/** A refusal by the demo's guard, in plain words, keeping its code and offer. */
function guardAppError(guard: GuardErrorBody): AppError {
  const kind: AppErrorKind = guard.code.startsWith("access_")
    ? "auth"
    : guard.code === "limits_unavailable"
      ? "upstream"
      : "rate_limit";
  const retry = guard.retryAfterSeconds;
  return {
    ...appError(kind, guardMessage(guard)),
    guard: { code: guard.code, ownKeyHelps: guard.ownKeyHelps === true },
    ...(typeof retry === "number" && Number.isFinite(retry) && retry >= 0
      ? { retryAfterSeconds: retry }
      : {}),
  };
}

/**
 * Whether a failed cancel means there was nothing left to cancel: fal (and the local engine)
 * answer 400 `{status: "ALREADY_COMPLETED"}` for a finished request and 404
 * `{status: "NOT_FOUND"}` for one they do not know.
 */
export function isNothingToCancel(error: unknown): boolean {
  if (!isApiError(error)) return false;
  const status = bodyField(error, "status");
  return (
    (error.status === 400 && status === "ALREADY_COMPLETED") ||
    (error.status === 404 && status === "NOT_FOUND")
  );
}

/**
 * Whether an error says the request itself is unknown (404 naming the request), as opposed to a
 * 404 for a route a proxy does not serve.
 */
export function isRequestNotFound(error: unknown, requestId: string): boolean {
  if (!isApiError(error) || error.status !== 404) return false;
  if (bodyField(error, "status") === "NOT_FOUND") return true;
  const text = apiErrorText(error);
  return text.includes(requestId) || /\brequest\b.*\bnot found\b/i.test(text);
}

/** Whether `error` is an `AbortError` (the client stopped waiting). */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "name" in error &&
    (error as { name: unknown }).name === "AbortError"
  );
}

/** The error an aborted operation rejects with. */
export function abortError(): DOMException {
  return new DOMException("Cancelled", "AbortError");
}

/** Throws {@link abortError} when `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/**
 * Settles like `promise`, or rejects with {@link abortError} as soon as `signal` aborts — for
 * work that takes no signal of its own (the work itself goes on; its outcome is ignored).
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    // The raced promise may still reject later; it is handled here so it never goes unhandled.
    promise.catch(() => undefined);
    return Promise.reject(abortError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** A fal error's text: the body's `message`, else a string `detail`, else the error's message. */
function apiErrorText(error: ApiError<unknown>): string {
  const message = bodyField(error, "message");
  if (typeof message === "string") return message;
  const detail = bodyField(error, "detail");
  return typeof detail === "string" ? detail : error.message;
}

function bodyField(error: ApiError<unknown>, key: string): unknown {
  const body: unknown = error.body;
  return typeof body === "object" && body !== null
    ? (body as Record<string, unknown>)[key]
    : undefined;
}

/**
 * fal's error classes, told apart by the name and status their constructors set rather than by
 * `instanceof`: the fal client's code loads at the first request, and this module (on the first
 * screen) must not pull it in just to read its errors.
 */
function isApiError(error: unknown): error is ApiError<unknown> {
  return (
    error instanceof Error &&
    (error.name === "ApiError" || error.name === "ValidationError") &&
    typeof (error as { status?: unknown }).status === "number"
  );
}

function isValidationError(error: unknown): error is ValidationError {
  return isApiError(error) && error.name === "ValidationError";
}

function withId(error: AppError, requestId: string | undefined): AppError {
  return requestId ? { ...error, requestId } : error;
}
