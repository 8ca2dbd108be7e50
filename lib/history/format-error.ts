import type { RecordProblem } from "@/lib/persist/versioned-record";

/**
 * The history's read error, on its own so that code which only catches or reports it (the history
 * database) does not load the record schemas with it.
 */

/** Why a stored record could not be read. */
export type HistoryFormatProblem = RecordProblem;

/** A stored record that cannot be read: saved by a newer app, an unknown format, or damaged. */
export class HistoryFormatError extends Error {
  override readonly name = "HistoryFormatError";
  /** What kind of problem it is, so callers can phrase it (e.g. "update the app" for newer). */
  readonly problem: HistoryFormatProblem;
  /** The format version the record claims, when it has one. */
  readonly version: number | null;

  constructor(
    message: string,
    problem: HistoryFormatProblem,
    version: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.problem = problem;
    this.version = version;
  }
}
