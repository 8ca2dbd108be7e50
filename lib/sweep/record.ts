import type { Assert, Same } from "@/lib/domain/type-checks";
import { HISTORY_RECORDS, sizeSchema } from "@/lib/history/records";
import { kontextInputSchema } from "@/lib/kontext/schema";
import * as z from "@/lib/kontext/zod";
import { type Envelope, type RecordFormat, unwrap, wrap } from "@/lib/persist/versioned-record";
import type { AxisKind } from "./axis";
import type { ScaleTarget } from "./cells";

/** One axis of a saved sweep: what it varied, as typed, and its labels. */
export interface SweepAxisRecord {
  kind: AxisKind;
  /** The values as the person typed them. */
  text: string;
  labels: string[];
  target?: ScaleTarget;
}

/**
 * One cell of a saved sweep: `pending` until it is started (then `runId` names its run, which
 * the history keeps like any run), `cancelled` when the sweep was cancelled before it started.
 */
export interface SweepCellRecord {
  row: number;
  column: number;
  /** The exact request (with the uploaded image's URL). */
  request: z.output<typeof kontextInputSchema>;
  status: "pending" | "started" | "cancelled";
  runId: string | null;
  /**
   * The cell's own predicted output size and input thumbnail, when its input is not the sweep's
   * (an `image` axis). Added within format 1: older cells have neither and use the sweep's.
   */
  predictedSize?: { width: number; height: number } | undefined;
  inputThumbnail?: string | null | undefined;
}

/** A sweep as the history keeps it: the grid, its cells and how many run at once. */
export interface SweepRecord {
  id: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Columns first, then rows (when there are two axes). */
  axes: SweepAxisRecord[];
  columnLabels: string[];
  rowLabels: string[];
  cells: SweepCellRecord[];
  /** How many cells run at once. */
  concurrency: number;
  inputThumbnail: string | null;
  predictedSize: { width: number; height: number };
  backend: "fal" | "local";
}

const targetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("stack"), path: z.string() }),
  z.object({ kind: z.literal("swept") }),
]);

export const sweepRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  createdAt: z.number(),
  axes: z
    .array(
      z.object({
        kind: z.enum(["lora_scale", "lora", "seed", "guidance", "steps", "prompt", "image"]),
        text: z.string(),
        labels: z.array(z.string()),
        target: z.optional(targetSchema),
      }),
    )
    .check(z.minLength(1), z.maxLength(2)),
  columnLabels: z.array(z.string()),
  rowLabels: z.array(z.string()),
  cells: z.array(
    z.object({
      row: z.int().check(z.nonnegative()),
      column: z.int().check(z.nonnegative()),
      request: kontextInputSchema,
      status: z.enum(["pending", "started", "cancelled"]),
      runId: z.nullable(z.string()),
      predictedSize: z.optional(sizeSchema),
      inputThumbnail: z.optional(z.nullable(z.string())),
    }),
  ),
  concurrency: z.int().check(z.gte(1)),
  inputThumbnail: z.nullable(z.string()),
  predictedSize: sizeSchema,
  backend: z.enum(["fal", "local"]),
});

export type SweepSchemaMatchesType = Assert<Same<z.output<typeof sweepRecordSchema>, SweepRecord>>;

/**
 * How sweeps are stored, with the history's records (sweeps exist since format 1). The `image`
 * axis kind and a cell's own `predictedSize`/`inputThumbnail` were added within format 1, as a
 * run's `serial` was: every record written before still reads unchanged, so no migration step is
 * needed (an older app reports a sweep over images as unreadable and leaves it stored).
 */
const SWEEP_FORMAT: RecordFormat<typeof sweepRecordSchema> = {
  family: HISTORY_RECORDS,
  what: "sweep",
  schema: sweepRecordSchema,
};

/**
 * Reads a stored sweep envelope (sweeps exist since format 1). Throws a `HistoryFormatError` for
 * a newer or unknown format or a damaged record, like `migrateRun`.
 */
export function migrateSweep(raw: unknown): SweepRecord {
  return unwrap(SWEEP_FORMAT, raw);
}

/** Wraps a sweep in the current envelope, checking it first (nothing unreadable is written). */
export function toStoredSweep(sweep: SweepRecord, savedAt?: number): Envelope<SweepRecord> {
  return wrap(SWEEP_FORMAT, sweep, savedAt);
}
