import type { RecordProblem } from "@/lib/persist/versioned-record";

/**
 * The library's read error, on its own so that code which only catches or reports it (the library
 * database) does not load the record schemas with it.
 */

/** A stored library record that cannot be read: newer, unknown or damaged. */
export class LibraryFormatError extends Error {
  override readonly name = "LibraryFormatError";
  readonly problem: RecordProblem;

  constructor(
    message: string,
    problem: LibraryFormatError["problem"],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.problem = problem;
  }
}
