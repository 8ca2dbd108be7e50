import type * as z from "@/lib/kontext/zod";

/**
 * Zod issues described for people, in one of two styles: stored records (the first few issues,
 * `path: message`) and files a person imports (every issue, `'path': message`, unknown fields
 * named).
 */

/** How {@link describeIssues} words the issues. */
export interface IssueStyle {
  /** Show at most this many issues, then "(and N more)"; all when absent. */
  limit?: number;
  /** Put field paths in single quotes. */
  quotePaths?: boolean;
  /** Say "unknown field(s) a, b" for unrecognised keys instead of zod's own message. */
  nameUnknownFields?: boolean;
}

/** The style of stored-record errors: `path: message; path: message (and 2 more)`. */
export const STORED_RECORD_STYLE: IssueStyle = { limit: 3 };

/** The style of file-import errors: `'path': message; 'path': unknown field x`. */
export const FILE_IMPORT_STYLE: IssueStyle = { quotePaths: true, nameUnknownFields: true };

/** Zod issues as one line in the given style, with `prefix` before each field path. */
export function describeIssues(error: z.core.$ZodError, style: IssueStyle, prefix = ""): string {
  const issues = style.limit === undefined ? error.issues : error.issues.slice(0, style.limit);
  const shown = issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    const message =
      style.nameUnknownFields && issue.code === "unrecognized_keys"
        ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`
        : issue.message;
    if (!path) return message;
    return style.quotePaths ? `'${path}': ${message}` : `${path}: ${message}`;
  });
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join("; ")} (and ${more} more)` : shown.join("; ");
}
