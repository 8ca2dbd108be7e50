import { DEFAULT_SETTINGS, type Settings } from "@/lib/domain/settings";
import type { Assert, Same } from "@/lib/domain/type-checks";
import { ACCELERATIONS, OUTPUT_FORMATS, RESOLUTION_MODES } from "@/lib/kontext/endpoint";
import { kontextInputSchema, kontextOutputSchema } from "@/lib/kontext/schema";
import * as z from "@/lib/kontext/zod";
import { STORED_RECORD_STYLE } from "@/lib/persist/issues";
import {
  type Envelope,
  envelopeSchema,
  olderFormat,
  type RecordFamily,
  type RecordFormat,
  unwrap,
  wrap,
} from "@/lib/persist/versioned-record";
import { HistoryFormatError } from "./format-error";
import { type Draft, type DraftImage, HISTORY_VERSION, type HistoryRun } from "./types";

/**
 * How history records are stored, and how older stored formats are read (pure: no IndexedDB).
 *
 * Every record is stored in an envelope `{ version, data }` (plus `savedAt`, informational), where
 * `version` is the {@link HISTORY_VERSION} that wrote it (the toolkit is `lib/persist/versioned-record`).
 * Reading goes through {@link migrateRun} / {@link migrateDraft}, which upgrade older formats step
 * by step and refuse anything else with a {@link HistoryFormatError} that says what is wrong.
 *
 * Format history:
 * - **Version 0** (hypothetical first format, kept so the migration path is real and tested):
 *   - run: like version 1 but with `favourite: boolean` instead of `isFavourite`, and without
 *     `parentId` (→ `null`, no lineage was recorded) and `backend` (→ `"fal"`, the only backend).
 *   - draft: LoRA rows had `enabled` instead of `isEnabled`, and settings had no `seedMode`/`seed`
 *     (→ a random seed, {@link DEFAULT_SETTINGS}' seed).
 * - **Version 1** (current): exactly {@link HistoryRun} / {@link Draft}. A run's `serial` was added
 *   later as an optional field (older readers ignore it; records without one are numbered when the
 *   history loads, see `lib/domain/run-serial`), so it needed no new version.
 *
 * To change a format: bump `HISTORY_VERSION`, keep the previous schema as `…V{n}Schema`, and add the
 * `v{n} → v{n+1}` step to the record's `older` formats below.
 */

export { HistoryFormatError, type HistoryFormatProblem } from "./format-error";

/** The history's records (runs, drafts and sweeps) in the versioned-record toolkit. */
export const HISTORY_RECORDS: RecordFamily = {
  version: HISTORY_VERSION,
  recordName: "history record",
  newerAdvice: "Update the app to see it; it is kept as it is.",
  damagedNamesFormat: true,
  checksEnvelope: true,
  issueStyle: STORED_RECORD_STYLE,
  error: (message, problem, version, cause) =>
    new HistoryFormatError(message, problem, version, cause === undefined ? undefined : { cause }),
};

export const sizeSchema = z.object({
  width: z.number().check(z.positive()),
  height: z.number().check(z.positive()),
});

const runStatusSchema = z.enum(["queued", "running", "completed", "failed", "cancelled"]);

/** Fields version 0 and version 1 runs share. */
const runCommonShape = {
  id: z.string().check(z.minLength(1, "id is required")),
  createdAt: z.number(),
  finishedAt: z.nullable(z.number()),
  status: runStatusSchema,
  requestId: z.nullable(z.string()),
  request: kontextInputSchema,
  output: z.nullable(kontextOutputSchema),
  error: z.nullable(z.object({ kind: z.string(), message: z.string() })),
  predictedSize: sizeSchema,
  priceUsd: z.number(),
  inputThumbnail: z.nullable(z.string()),
};

/** A run in format version 0 (see the module comment). */
export const historyRunV0Schema = z.object({
  ...runCommonShape,
  favourite: z.boolean(),
});

/** A run in the current format (version 1). */
export const historyRunSchema = z.object({
  ...runCommonShape,
  serial: z.optional(z.nullable(z.int().check(z.positive()))),
  parentId: z.nullable(z.string()),
  isFavourite: z.boolean(),
  backend: z.enum(["fal", "local"]),
});

/** The stored envelope of a current-format run. */
export const storedRunSchema = z.extend(envelopeSchema, {
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
  settings: z.omit(settingsSchema, { seedMode: true, seed: true }),
});

/** A draft in the current format (version 1). */
export const draftSchema = z.object({
  prompt: z.string(),
  loras: z.array(z.object({ path: z.string(), scale: z.number(), isEnabled: z.boolean() })),
  settings: settingsSchema,
});

/** The stored envelope of a current-format draft. */
export const storedDraftSchema = z.extend(envelopeSchema, {
  version: z.literal(HISTORY_VERSION),
  data: draftSchema,
});

/** The form's input image as kept across reloads (format 1; added later, so no older formats). */
export const draftImageSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("file"),
    blob: z.instanceof(Blob),
    name: z.string(),
    parentRunId: z.nullable(z.string()),
  }),
  z.object({
    kind: z.literal("url"),
    url: z.string().check(z.minLength(1)),
    name: z.string(),
    parentRunId: z.nullable(z.string()),
  }),
]);

// Compile-time checks that the schemas produce exactly the app's types.
export type DraftImageSchemaMatchesType = Assert<
  Same<z.output<typeof draftImageSchema>, DraftImage>
>;
export type RunSchemaMatchesType = Assert<Same<z.output<typeof historyRunSchema>, HistoryRun>>;
export type DraftSchemaMatchesType = Assert<Same<z.output<typeof draftSchema>, Draft>>;
export type SettingsSchemaMatchesType = Assert<Same<z.output<typeof settingsSchema>, Settings>>;

/** How runs are stored: format 1, read from format 0 too (see the module comment). */
const RUN_FORMAT: RecordFormat<typeof historyRunSchema> = {
  family: HISTORY_RECORDS,
  what: "run",
  schema: historyRunSchema,
  older: {
    0: olderFormat(historyRunV0Schema, ({ favourite, ...rest }) => ({
      ...rest,
      isFavourite: favourite,
      parentId: null,
      backend: "fal",
    })),
  },
};

/** How drafts are stored: format 1, read from format 0 too (see the module comment). */
const DRAFT_FORMAT: RecordFormat<typeof draftSchema> = {
  family: HISTORY_RECORDS,
  what: "draft",
  schema: draftSchema,
  older: {
    0: olderFormat(draftV0Schema, (draft) => ({
      prompt: draft.prompt,
      loras: draft.loras.map(({ path, scale, enabled }) => ({ path, scale, isEnabled: enabled })),
      settings: { ...draft.settings, seedMode: "random", seed: DEFAULT_SETTINGS.seed },
    })),
  },
};

/** How the draft's input image is stored: format 1 only (it was added in format 1). */
const DRAFT_IMAGE_FORMAT: RecordFormat<typeof draftImageSchema> = {
  family: HISTORY_RECORDS,
  what: "draft image",
  schema: draftImageSchema,
  older: {},
};

/** Reads a stored draft-image envelope; throws a {@link HistoryFormatError} like {@link migrateRun}. */
export function migrateDraftImage(raw: unknown): DraftImage {
  return unwrap(DRAFT_IMAGE_FORMAT, raw);
}

/** Wraps the draft's input image in the current envelope, checking it first. */
export function toStoredDraftImage(image: DraftImage, savedAt?: number): Envelope<DraftImage> {
  return wrap(DRAFT_IMAGE_FORMAT, image, savedAt);
}

/**
 * Reads a stored run envelope of any known format and returns it as a current {@link HistoryRun}.
 * Throws a {@link HistoryFormatError} for a newer format, an unknown version or a damaged record
 * (the message names the field).
 */
export function migrateRun(raw: unknown): HistoryRun {
  return unwrap(RUN_FORMAT, raw);
}

/**
 * Reads a stored draft envelope of any known format and returns it as a current {@link Draft}.
 * Throws a {@link HistoryFormatError} like {@link migrateRun}.
 */
export function migrateDraft(raw: unknown): Draft {
  return unwrap(DRAFT_FORMAT, raw);
}

/**
 * Wraps a run in the current envelope, checking it first so that nothing unreadable is ever
 * written (throws a {@link HistoryFormatError} naming the field). The run itself is stored as given.
 */
export function toStoredRun(run: HistoryRun, savedAt?: number): Envelope<HistoryRun> {
  return wrap(RUN_FORMAT, run, savedAt);
}

/** Wraps a draft in the current envelope, checking it first like {@link toStoredRun}. */
export function toStoredDraft(draft: Draft, savedAt?: number): Envelope<Draft> {
  return wrap(DRAFT_FORMAT, draft, savedAt);
}
