/**
 * The playground's one vocabulary for failures. Mapping what the fal client throws to it lives in
 * `lib/browser/errors.ts`; this module is the plain model.
 */

/** What went wrong, in the playground's one vocabulary. */
export type AppErrorKind =
  | "validation"
  | "config"
  | "auth"
  | "rate_limit"
  | "network"
  | "upstream"
  | "cancelled";

/**
 * A refusal by the demo's guard on the server's key (the codes of `lib/fal/guard-errors.ts`):
 * the UI asks for the access code on `access_required` and offers the visitor's own key when
 * `ownKeyHelps`.
 */
export interface AppErrorGuard {
  code:
    | "access_required"
    | "access_denied"
    | "access_attempts"
    | "rate_limited"
    | "spend_limit"
    | "limits_unavailable";
  ownKeyHelps: boolean;
}

export interface AppError {
  kind: AppErrorKind;
  /** A sentence for people. */
  message: string;
  /** Field errors keyed by field path without `body` (`prompt`, `loras.0.scale`). */
  fieldErrors: Record<string, string>;
  requestId?: string;
  /** Set when the demo's guard refused a run on the server's key. */
  guard?: AppErrorGuard;
  /** Seconds until trying again makes sense (the refusal's `Retry-After`), when it said. */
  retryAfterSeconds?: number;
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

/** `field: message; …` (a message that already starts with its field is kept as it is). */
export function summarizeFieldErrors(fieldErrors: Record<string, string>): string {
  return Object.entries(fieldErrors)
    .map(([field, message]) => (message.startsWith(field) ? message : `${field}: ${message}`))
    .join("; ");
}

/** The message of anything thrown: an Error's message, else the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
