import type { Assert } from "@/lib/domain/type-checks";
import { HISTORY_RECORDS } from "@/lib/history/records";
import { PLAYGROUND_LIMITS } from "@/lib/kontext/endpoint";
import { kontextInputSchema } from "@/lib/kontext/schema";
import * as z from "@/lib/kontext/zod";
import { type Envelope, type RecordFormat, unwrap, wrap } from "@/lib/persist/versioned-record";
import { MAX_BATCH_ITEMS } from "./list";
import type { QueueItem } from "./queue";

/**
 * A batch as the browser keeps it (IndexedDB, with the history's records, like sweeps): its
 * recipe, its queue and every item's input and state. Input files are not in the record — they
 * are in the input store under their SHA-256 (`input.hash`), so a reload loses nothing and the
 * record stays small. Records are checked before they are written and on every read.
 */

/** The `format` of a batch's document in an export (`batches/<id>.json`). */
export const BATCH_DOCUMENT_FORMAT = "kontext-playground/batch";

const seedSchema = z.int().check(z.gte(0), z.lte(PLAYGROUND_LIMITS.maxSeed));

/**
 * The recipe's request: every endpoint field but the image and the seed (set per item). The
 * prompt may be empty when every item brings its own (a CSV's `prompt` column).
 */
export const recipeRequestSchema = z.extend(
  z.omit(kontextInputSchema, { image_url: true, seed: true, prompt: true }),
  { prompt: z.string().check(z.maxLength(PLAYGROUND_LIMITS.maxPromptChars)) },
);

export type RecipeRequest = z.output<typeof recipeRequestSchema>;

export const batchRecipeSchema = z.object({
  request: recipeRequestSchema,
  /** `fixed`: every item is sent with `seed`; `per-image`: each item draws its own (recorded). */
  seedMode: z.enum(["fixed", "per-image"]),
  seed: z.nullable(seedSchema),
  /** The history run whose recipe this is ("Batch with this recipe"); null: the form's. */
  sourceRunId: z.nullable(z.string()),
});

export type BatchRecipe = z.output<typeof batchRecipeSchema>;

export const batchInputSchema = z.object({
  /** The file name, path inside a zip, or URL the input came as (names its outputs). */
  name: z.string().check(z.minLength(1)),
  source: z.enum(["file", "url"]),
  /** SHA-256 (hex) of a file's bytes: its key in the input store; null for URL inputs. */
  hash: z.nullable(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  /** The listed URL of a URL input; null for files. */
  url: z.nullable(z.string()),
  /** Bytes of the file (after downscaling), when known. */
  bytes: z.nullable(z.int().check(z.nonnegative())),
  /** Size after EXIF orientation, when known (for the cost and output size). */
  width: z.nullable(z.int().check(z.positive())),
  height: z.nullable(z.int().check(z.positive())),
});

export type BatchInput = z.output<typeof batchInputSchema>;

export const batchItemSchema = z.object({
  id: z.string().check(z.minLength(1)),
  status: z.enum(["queued", "uploading", "running", "done", "failed", "cancelled"]),
  rank: z.number(),
  seed: seedSchema,
  imageUrl: z.nullable(z.string()),
  runId: z.nullable(z.string()),
  requestId: z.nullable(z.string()),
  attempts: z.int().check(z.nonnegative()),
  error: z.nullable(z.string()),
  startedAt: z.nullable(z.number()),
  finishedAt: z.nullable(z.number()),
  review: z.nullable(z.enum(["kept", "rejected"])),
  input: batchInputSchema,
  /** The item's own prompt (a CSV row's), replacing the recipe's; null: the recipe's. */
  prompt: z.nullable(
    z.string().check(z.minLength(1), z.maxLength(PLAYGROUND_LIMITS.maxPromptChars)),
  ),
});

export type BatchItem = z.output<typeof batchItemSchema>;

export const batchRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** Milliseconds since the epoch. */
  createdAt: z.number(),
  /** What the gallery calls it (`12 images · make it snow`). */
  name: z.string(),
  recipe: batchRecipeSchema,
  items: z.array(batchItemSchema).check(z.maxLength(MAX_BATCH_ITEMS)),
  concurrency: z.int().check(z.gte(1)),
  pause: z.nullable(
    z.object({
      reason: z.enum(["user", "refused"]),
      message: z.nullable(z.string()),
      resumeAt: z.nullable(z.number()),
    }),
  ),
  /** When it was started (ms since the epoch); null while it waits for its start. */
  startedAt: z.nullable(z.number()),
  /** The budget its cost is checked against before it starts (US dollars); null: none. */
  budgetUsd: z.nullable(z.number().check(z.nonnegative())),
  backend: z.enum(["fal", "local"]),
});

export type BatchRecord = z.output<typeof batchRecordSchema>;

/** A batch item is a queue item, so the queue's functions run on a record's items. */
export type BatchItemIsQueueItem = Assert<BatchItem extends QueueItem ? true : false>;

/** How batches are stored, with the history's records. */
const BATCH_FORMAT: RecordFormat<typeof batchRecordSchema> = {
  family: HISTORY_RECORDS,
  what: "batch",
  schema: batchRecordSchema,
};

/** Reads a stored batch envelope; throws a `HistoryFormatError` like `migrateSweep`. */
export function migrateBatch(raw: unknown): BatchRecord {
  return unwrap(BATCH_FORMAT, raw);
}

/** Wraps a batch in the current envelope, checking it first (nothing unreadable is written). */
export function toStoredBatch(batch: BatchRecord, savedAt?: number): Envelope<BatchRecord> {
  return wrap(BATCH_FORMAT, batch, savedAt);
}
