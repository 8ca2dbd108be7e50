import { type AppError, appError } from "@/lib/domain/app-error";

/**
 * What an alert is about: a run that failed, a cancel that did not go through, or history that
 * could not be saved.
 */
export type AlertTopic = "run" | "cancel" | "history";

/** The one failure shown in the alert banner. */
export interface RunAlert {
  /** The run it came from; null for a failure before any run started. */
  runId: string | null;
  /**
   * `run`: "The run failed: …" (with Retry when {@link canRetryRun});
   * `cancel`: "Could not cancel run: …" (never with Retry);
   * `history`: a run or the draft could not be saved (the message says why).
   */
  topic: AlertTopic;
  error: AppError;
}

/** The alert for history that could not be loaded, saved or deleted (the message says why). */
export function historyAlert(message: string): RunAlert {
  return { runId: null, topic: "history", error: appError("upstream", message) };
}
