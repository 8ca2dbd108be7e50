import { ApiError, ValidationError } from "@fal-ai/client";

/** What went wrong, in the playground's one vocabulary. */
export type AppErrorKind =
  | "validation"
  | "config"
  | "auth"
  | "rate_limit"
  | "network"
  | "upstream"
  | "cancelled";

export interface AppError {
  kind: AppErrorKind;
  /** A sentence for people. */
  message: string;
  /** Field errors keyed by field path without `body` (`prompt`, `loras.0.scale`). */
  fieldErrors: Record<string, string>;
  requestId?: string;
  /** Whether trying again may help. */
  isRetryable: boolean;
}

/** Builds an AppError. */
export function appError(
  kind: AppErrorKind,
  message: string,
  fieldErrors: Record<string, string> = {},
): AppError {
  return { kind, message, fieldErrors, isRetryable: kind !== "validation" && kind !== "config" };
}

/**
 * Maps anything thrown by the fal client, the network or our own checks to an AppError. This is
 * the only place that looks inside fal's error classes.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof ValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const item of error.fieldErrors) {
      const key = item.loc.filter((part) => part !== "body").join(".") || "input";
      fieldErrors[key] ??= item.msg;
    }
    const summary = Object.entries(fieldErrors)
      .map(([field, message]) => (message.startsWith(field) ? message : `${field}: ${message}`))
      .join("; ");
    return withId(appError("validation", summary || error.message, fieldErrors), error.requestId);
  }
  if (error instanceof ApiError) {
    const body = error.body as { message?: unknown; detail?: unknown } | undefined;
    const detail =
      typeof body?.message === "string"
        ? body.message
        : typeof body?.detail === "string"
          ? body.detail
          : error.message;
    const kind: AppErrorKind =
      error.status === 401 || error.status === 403
        ? "auth"
        : error.status === 429
          ? "rate_limit"
          : error.status === 503 && /FAL_KEY/.test(detail)
            ? "config"
            : error.status === 400 && /cancel/i.test(detail)
              ? "cancelled"
              : "upstream";
    return withId(appError(kind, `${detail} (HTTP ${error.status})`), error.requestId);
  }
  if (error instanceof DOMException && error.name === "AbortError") {
    return appError("cancelled", "Cancelled");
  }
  if (error instanceof TypeError) {
    return appError("network", `Could not reach the server: ${error.message}`);
  }
  return appError("upstream", error instanceof Error ? error.message : "Something went wrong");
}

function withId(error: AppError, requestId: string | undefined): AppError {
  return requestId ? { ...error, requestId } : error;
}
