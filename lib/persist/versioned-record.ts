import * as z from "@/lib/kontext/zod";
import { describeIssues, type IssueStyle } from "./issues";

/**
 * One toolkit for the records the browser stores (history runs, drafts and sweeps; library LoRAs
 * and previews): every record is wrapped in an envelope `{ version, data, savedAt? }`, where
 * `version` is the format that wrote it. {@link wrap} checks a record before it is written, so
 * nothing unreadable is ever stored; {@link unwrap} reads any known format, upgrading older ones
 * step by step through a migration chain, and refuses anything else with an error that says what
 * is wrong. Each family of records (history, library) brings its own version, words and error
 * class through a {@link RecordFamily}.
 */

/** Why a stored record could not be read. */
export type RecordProblem = "not-a-record" | "newer-version" | "unknown-version" | "malformed";

/** A stored record as written: `{ version, data, savedAt? }`. */
export interface Envelope<T> {
  version: number;
  data: T;
  /** When it was written, in milliseconds since the epoch (informational only). */
  savedAt?: number;
}

/** The envelope every stored record is wrapped in. */
export const envelopeSchema = z.object({
  version: z.int().check(z.nonnegative()),
  data: z.unknown(),
  savedAt: z.optional(z.number()),
});

/** A family of stored records: the format it writes, how its errors read, and their class. */
export interface RecordFamily {
  /** The format version this app writes, and the newest it reads. */
  version: number;
  /** What a stored record is called in errors ("history record"). */
  recordName: string;
  /** The sentence after "(… reads up to format N)." for a record from a newer app. */
  newerAdvice: string;
  /** Whether a damaged record's error names its format ("The stored run (format 0) is …"). */
  damagedNamesFormat: boolean;
  /**
   * Whether the whole envelope is checked (a bad `savedAt` is "an invalid envelope"); otherwise
   * only its `version` is.
   */
  checksEnvelope: boolean;
  /** How zod issues are worded in its errors. */
  issueStyle: IssueStyle;
  /** Makes the family's error. `version` is the format the record claims, when known. */
  error(message: string, problem: RecordProblem, version: number | null, cause?: unknown): Error;
}

/** One older format of a record: its schema, and how its data becomes the next version's. */
export interface OlderFormat {
  schema: z.ZodMiniType;
  toNext: (data: unknown) => unknown;
}

/** An older format (see {@link OlderFormat}), typed by its schema. */
export function olderFormat<S extends z.ZodMiniType>(
  schema: S,
  toNext: (data: z.output<S>) => unknown,
): OlderFormat {
  return { schema, toNext: (data) => toNext(data as z.output<S>) };
}

/** One kind of record in a family: its name, its current schema and its older formats. */
export interface RecordFormat<S extends z.ZodMiniType> {
  family: RecordFamily;
  /** What one record is called in errors ("run", "LoRA"). */
  what: string;
  /** The schema of the current format. */
  schema: S;
  /**
   * Older formats by version; a record of version `n` is read with `older[n]` and upgraded through
   * `older[n].toNext`, `older[n + 1].toNext`, … to the current format. Versions below the first
   * one listed are unknown.
   */
  older?: Record<number, OlderFormat>;
}

function openEnvelope(family: RecordFamily, raw: unknown, what: string) {
  const version =
    typeof raw === "object" && raw !== null ? (raw as { version?: unknown }).version : undefined;
  const hasVersion = family.checksEnvelope
    ? typeof raw === "object" && raw !== null && !Array.isArray(raw) && "version" in raw
    : typeof version === "number" && Number.isInteger(version) && version >= 0;
  if (!hasVersion) {
    throw family.error(
      `The stored ${what} is not a ${family.recordName} (expected { version, data }).`,
      "not-a-record",
      null,
    );
  }
  const envelope = family.checksEnvelope
    ? envelopeSchema.safeParse(raw)
    : { success: true as const, data: raw as Envelope<unknown> };
  if (!envelope.success) {
    throw family.error(
      `The stored ${what} has an invalid envelope: ` +
        `${describeIssues(envelope.error, family.issueStyle)}.`,
      "not-a-record",
      null,
      envelope.error,
    );
  }
  const { data } = envelope.data;
  const current = envelope.data.version;
  if (current > family.version) {
    throw family.error(
      `The stored ${what} was saved by a newer version of Kontext Playground ` +
        `(format ${current}; this version reads up to format ${family.version}). ` +
        family.newerAdvice,
      "newer-version",
      current,
    );
  }
  return { version: current, data };
}

function parseData(
  family: RecordFamily,
  schema: z.ZodMiniType,
  data: unknown,
  what: string,
  version: number,
) {
  const result = schema.safeParse(data);
  if (!result.success) {
    const format = family.damagedNamesFormat ? ` (format ${version})` : "";
    throw family.error(
      `The stored ${what}${format} is damaged: ` +
        `${describeIssues(result.error, family.issueStyle)}.`,
      "malformed",
      version,
      result.error,
    );
  }
  return result.data;
}

/**
 * Reads a stored envelope of any known format of `format` and returns the record in the current
 * format. Throws the family's error for something that is not a record, a newer format, an
 * unknown version or a damaged record (the message names the field).
 */
export function unwrap<S extends z.ZodMiniType>(
  format: RecordFormat<S>,
  raw: unknown,
): z.output<S> {
  const { family, what, schema, older = {} } = format;
  const { version, data } = openEnvelope(family, raw, what);
  if (version === family.version) {
    return parseData(family, schema, data, what, version) as z.output<S>;
  }
  const first = older[version];
  if (!first) {
    throw family.error(
      `The stored ${what} has an unknown format version ${version}.`,
      "unknown-version",
      version,
    );
  }
  let value = first.toNext(parseData(family, first.schema, data, what, version));
  for (let next = version + 1; next < family.version; next++) {
    const step = older[next];
    if (!step) throw new Error(`No migration of a ${what} from format ${next}.`);
    value = step.toNext(value);
  }
  return value as z.output<S>;
}

/**
 * Wraps a record in the current envelope, checking it first so that nothing unreadable is ever
 * written (throws the family's error naming the field). The record itself is stored as given.
 */
export function wrap<S extends z.ZodMiniType, T extends z.output<S>>(
  format: RecordFormat<S>,
  value: T,
  savedAt?: number,
): Envelope<T> {
  const { family, what, schema } = format;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw family.error(
      `Refusing to save a ${what} that could not be read back: ` +
        `${describeIssues(result.error, family.issueStyle)}.`,
      "malformed",
      family.version,
      result.error,
    );
  }
  return savedAt === undefined
    ? { version: family.version, data: value }
    : { version: family.version, data: value, savedAt };
}
