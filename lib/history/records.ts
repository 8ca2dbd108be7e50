import { z } from "zod";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/domain/settings";
import type { Same } from "@/lib/domain/type-checks";
import { ACCELERATIONS, OUTPUT_FORMATS, RESOLUTION_MODES } from "@/lib/kontext/endpoint";
import { kontextInputSchema, kontextOutputSchema } from "@/lib/kontext/schema";
import { type Draft, HISTORY_VERSION, type HistoryRun } from "./types";

/**
 * How history records are stored, and how older stored formats are read (pure: no IndexedDB).
 *
 * Every record is stored in an envelope `{ version, data }` (plus `savedAt`, informational), where
 * `version` is the {@link HISTORY_VERSION} that wrote it. Reading goes through {@link migrateRun} /
 * {@link migrateDraft}, which upgrade older formats step by step and refuse anything else with a
 * {@link HistoryFormatError} that says what is wrong.
 *
 * Format history:
 * - **Version 0** (hypothetical first format, kept so the migration path is real and tested):
 *   - run: like version 1 but with `favourite: boolean` instead of `isFavourite`, and without
 *     `parentId` (→ `null`, no lineage was recorded) and `backend` (→ `"fal"`, the only backend).
 *   - draft: LoRA rows had `enabled` instead of `isEnabled`, and settings had no `seedMode`/`seed`
 *     (→ a random seed, {@link DEFAULT_SETTINGS}' seed).
 * - **Version 1** (current): exactly {@link HistoryRun} / {@link Draft}.
 *
 * To change a format: bump `HISTORY_VERSION`, keep the previous schema as `…V{n}Schema`, and add a
 * `v{n} → v{n+1}` step below.
 */

/** Why a stored record could not be read. */
export type HistoryFormatProblem =
  | "not-a-record"
  | "newer-version"
  | "unknown-version"
  | "malformed";

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

/** The envelope every stored record is wrapped in. */
export const storedEnvelopeSchema = z.object({
  version: z.number().int().nonnegative(),
  data: z.unknown(),
  /** When it was written, in milliseconds since the epoch (informational only). */
  savedAt: z.number().optional(),
});

/** A stored record as written: `{ version, data, savedAt? }`. */
export interface StoredEnvelope<T> {
  version: number;
  data: T;
  savedAt?: number;
}

export const sizeSchema = z.object({
  width: z.number().positive(),
  height: z.number().positive(),
});

const runStatusSchema = z.enum(["queued", "running", "completed", "failed", "cancelled"]);

/** Fields version 0 and version 1 runs share. */
const runCommonShape = {
  id: z.string().min(1, "id is required"),
  createdAt: z.number(),
  finishedAt: z.number().nullable(),
  status: runStatusSchema,
  requestId: z.string().nullable(),
  request: kontextInputSchema,
  output: kontextOutputSchema.nullable(),
  error: z.object({ kind: z.string(), message: z.string() }).nullable(),
  predictedSize: sizeSchema,
  priceUsd: z.number(),
  inputThumbnail: z.string().nullable(),
};

/** A run in format version 0 (see the module comment). */
export const historyRunV0Schema = z.object({
  ...runCommonShape,
  favourite: z.boolean(),
});

/** A run in the current format (version 1). */
export const historyRunSchema = z.object({
  ...runCommonShape,
  parentId: z.string().nullable(),
  isFavourite: z.boolean(),
  backend: z.enum(["fal", "local"]),
});

/** The stored envelope of a current-format run. */
export const storedRunSchema = storedEnvelopeSchema.extend({
  version: z.literal(HISTORY_VERSION),
  data: historyRunSchema,
});

/**
 * The form's settings as a draft keeps them. Types only, no ranges: a draft is the form as the
 * person left it, half-typed values included; the form reports out-of-range values itself.
 */
const settingsSchema = z.object({
  num_inference_steps: z.number(),
  guidance_scale: z.number(),
  num_images: z.number(),
  output_format: z.enum(OUTPUT_FORMATS),
  acceleration: z.enum(ACCELERATIONS),
  resolution_mode: z.enum(RESOLUTION_MODES),
  enable_safety_checker: z.boolean(),
  sync_mode: z.boolean(),
  seedMode: z.enum(["random", "fixed"]),
  seed: z.number(),
});

/** A draft in format version 0 (see the module comment). */
export const draftV0Schema = z.object({
  prompt: z.string(),
  loras: z.array(z.object({ path: z.string(), scale: z.number(), enabled: z.boolean() })),
  settings: settingsSchema.omit({ seedMode: true, seed: true }),
});

/** A draft in the current format (version 1). */
export const draftSchema = z.object({
  prompt: z.string(),
  loras: z.array(z.object({ path: z.string(), scale: z.number(), isEnabled: z.boolean() })),
  settings: settingsSchema,
});

/** The stored envelope of a current-format draft. */
export const storedDraftSchema = storedEnvelopeSchema.extend({
  version: z.literal(HISTORY_VERSION),
  data: draftSchema,
});

// Compile-time checks that the schemas produce exactly the app's types.
type Assert<T extends true> = T;
export type RunSchemaMatchesType = Assert<Same<z.output<typeof historyRunSchema>, HistoryRun>>;
export type DraftSchemaMatchesType = Assert<Same<z.output<typeof draftSchema>, Draft>>;
export type SettingsSchemaMatchesType = Assert<Same<z.output<typeof settingsSchema>, Settings>>;

/** `path: message; path: message` for the first few zod issues, naming each field. */
function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join("; ")} (and ${more} more)` : shown.join("; ");
}

/** Reads the envelope and checks its version, or throws a {@link HistoryFormatError}. */
export function openEnvelope(raw: unknown, what: string): { version: number; data: unknown } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw) || !("version" in raw)) {
    throw new HistoryFormatError(
      `The stored ${what} is not a history record (expected { version, data }).`,
      "not-a-record",
    );
  }
  const envelope = storedEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new HistoryFormatError(
      `The stored ${what} has an invalid envelope: ${describeIssues(envelope.error)}.`,
      "not-a-record",
      null,
      { cause: envelope.error },
    );
  }
  const { version, data } = envelope.data;
  if (version > HISTORY_VERSION) {
    throw new HistoryFormatError(
      `The stored ${what} was saved by a newer version of Kontext Playground ` +
        `(format ${version}; this version reads up to format ${HISTORY_VERSION}). ` +
        "Update the app to see it; it is kept as it is.",
      "newer-version",
      version,
    );
  }
  return { version, data };
}

/** Parses a record's data with `schema`, or throws a {@link HistoryFormatError} naming the field. */
export function parseData<S extends z.ZodType>(
  schema: S,
  data: unknown,
  what: string,
  version: number,
): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new HistoryFormatError(
      `The stored ${what} (format ${version}) is damaged: ${describeIssues(result.error)}.`,
      "malformed",
      version,
      { cause: result.error },
    );
  }
  return result.data;
}

/** Throws a {@link HistoryFormatError} when `value` would not read back through `schema`. */
export function checkBeforeSave(schema: z.ZodType, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new HistoryFormatError(
      `Refusing to save a ${what} that could not be read back: ${describeIssues(result.error)}.`,
      "malformed",
      HISTORY_VERSION,
      { cause: result.error },
    );
  }
}

/** The error for a record whose format version is not one this app knows. */
export function unknownVersion(what: string, version: number): HistoryFormatError {
  return new HistoryFormatError(
    `The stored ${what} has an unknown format version ${version}.`,
    "unknown-version",
    version,
  );
}

/**
 * Reads a stored run envelope of any known format and returns it as a current {@link HistoryRun}.
 * Throws a {@link HistoryFormatError} for a newer format, an unknown version or a damaged record
 * (the message names the field).
 */
export function migrateRun(raw: unknown): HistoryRun {
  const { version, data } = openEnvelope(raw, "run");
  switch (version) {
    case 0: {
      const { favourite, ...rest } = parseData(historyRunV0Schema, data, "run", 0);
      return { ...rest, isFavourite: favourite, parentId: null, backend: "fal" };
    }
    case 1:
      return parseData(historyRunSchema, data, "run", 1);
    default:
      throw unknownVersion("run", version);
  }
}

/**
 * Reads a stored draft envelope of any known format and returns it as a current {@link Draft}.
 * Throws a {@link HistoryFormatError} like {@link migrateRun}.
 */
export function migrateDraft(raw: unknown): Draft {
  const { version, data } = openEnvelope(raw, "draft");
  switch (version) {
    case 0: {
      const draft = parseData(draftV0Schema, data, "draft", 0);
      return {
        prompt: draft.prompt,
        loras: draft.loras.map(({ path, scale, enabled }) => ({ path, scale, isEnabled: enabled })),
        settings: { ...draft.settings, seedMode: "random", seed: DEFAULT_SETTINGS.seed },
      };
    }
    case 1:
      return parseData(draftSchema, data, "draft", 1);
    default:
      throw unknownVersion("draft", version);
  }
}

/**
 * Wraps a run in the current envelope, checking it first so that nothing unreadable is ever
 * written (throws a {@link HistoryFormatError} naming the field). The run itself is stored as given.
 */
export function toStoredRun(run: HistoryRun, savedAt?: number): StoredEnvelope<HistoryRun> {
  checkBeforeSave(historyRunSchema, run, "run");
  return savedAt === undefined
    ? { version: HISTORY_VERSION, data: run }
    : { version: HISTORY_VERSION, data: run, savedAt };
}

/** Wraps a draft in the current envelope, checking it first like {@link toStoredRun}. */
export function toStoredDraft(draft: Draft, savedAt?: number): StoredEnvelope<Draft> {
  checkBeforeSave(draftSchema, draft, "draft");
  return savedAt === undefined
    ? { version: HISTORY_VERSION, data: draft }
    : { version: HISTORY_VERSION, data: draft, savedAt };
}
