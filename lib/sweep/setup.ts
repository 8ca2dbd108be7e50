import { HISTORY_RECORDS } from "@/lib/history/records";
import * as z from "@/lib/kontext/zod";
import { type Envelope, type RecordFormat, unwrap, wrap } from "@/lib/persist/versioned-record";
import { type AxisKind, MAX_AXIS_VALUES } from "./axis";
import type { ScaleTarget } from "./cells";

/** The most cells of one sweep that may run at once. */
export const MAX_SETUP_CONCURRENCY = 8;

/**
 * One image chosen for an `image` axis: the form's current input image (whatever it is when the
 * sweep runs), or a file whose bytes the sweep image store keeps under `id`.
 */
export type SweepImageChoice =
  | { source: "current"; id: "current" }
  | { source: "file"; id: string; name: string };

/** One axis of the setup: its kind, its text, its target (scale axes), its images (image axes). */
export interface SweepSetupAxis {
  kind: AxisKind;
  text: string;
  target?: ScaleTarget;
  /** The images of an `image` axis, in order (added within format 1; none before). */
  images?: SweepImageChoice[];
}

/**
 * The Sweep panel's setup as a person left it, kept across reloads like the form's draft: the
 * axes as typed (columns, then rows), the held seed, and how many cells run at once. An image
 * axis keeps which images it holds; their bytes are in the sweep image store (never `blob:` URLs).
 */
export interface SweepSetup {
  axes: SweepSetupAxis[];
  /** The seed every cell holds (unless the form fixes one), 0 – 2^32-1. */
  seed: number;
  /** How many cells run at once, 1–8. */
  concurrency: number;
}

const targetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("stack"), path: z.string().check(z.maxLength(4_096)) }),
  z.object({ kind: z.literal("swept") }),
]);

const imageChoiceSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("current"), id: z.literal("current") }),
  z.object({
    source: z.literal("file"),
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    name: z.string().check(z.maxLength(1_000)),
  }),
]);

export const sweepSetupSchema = z.object({
  axes: z
    .array(
      z.object({
        kind: z.enum(["lora_scale", "lora", "seed", "guidance", "steps", "prompt", "image"]),
        text: z.string().check(z.maxLength(100_000)),
        target: z.optional(targetSchema),
        images: z.optional(z.array(imageChoiceSchema).check(z.maxLength(MAX_AXIS_VALUES))),
      }),
    )
    .check(z.minLength(1), z.maxLength(2)),
  seed: z.int().check(z.gte(0), z.lte(4_294_967_295)),
  concurrency: z.int().check(z.gte(1), z.lte(MAX_SETUP_CONCURRENCY)),
});

/**
 * How the setup is stored, with the history's records (it exists since format 1). The `image`
 * axis and its `images` were added within format 1 (older setups read unchanged).
 */
const SETUP_FORMAT: RecordFormat<typeof sweepSetupSchema> = {
  family: HISTORY_RECORDS,
  what: "sweep setup",
  schema: sweepSetupSchema,
};

/**
 * Reads a stored sweep setup envelope. Throws a `HistoryFormatError` for a newer or unknown
 * format or a damaged record (the caller then keeps the default setup).
 */
export function migrateSweepSetup(raw: unknown): SweepSetup {
  return unwrap(SETUP_FORMAT, raw);
}

/** Wraps a setup in the current envelope, checking it first (nothing unreadable is written). */
export function toStoredSweepSetup(setup: SweepSetup, savedAt?: number): Envelope<SweepSetup> {
  return wrap(SETUP_FORMAT, setup, savedAt);
}
