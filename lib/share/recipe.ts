import { isDataUri, isHttpUrl } from "@/lib/domain/text";
import type { Assert, Same } from "@/lib/domain/type-checks";
import type { HistoryRun } from "@/lib/history/types";
import { LIMITS, PLAYGROUND_LIMITS } from "@/lib/kontext/endpoint";
import { type KontextRequest, kontextInputSchema } from "@/lib/kontext/schema";
import * as z from "@/lib/kontext/zod";
import { MAX_AXIS_VALUES, type TextAxisKind } from "@/lib/sweep/axis";
import { MAX_SWEEP_CELLS } from "@/lib/sweep/cells";
import type { SweepRecord } from "@/lib/sweep/record";

/**
 * Recipes: everything needed to see and redo a run or a sweep (the exact requests, the output
 * URLs and sizes), small enough to travel inside a link (see `link.ts`). Pure; runs in the
 * browser and in Node.
 *
 * A recipe never carries a data URI: an input or output image that was one is replaced by
 * {@link OMITTED_DATA_URI} and {@link recipeNotes} says so. Everything in a recipe — prompts,
 * LoRA paths, labels, URLs — is data from whoever made the link: a page shows it as text and
 * only ever uses the (validated http(s)) URLs as image sources or links.
 */

/**
 * Stands in for a data URI a recipe leaves out. It is itself a (tiny, empty) data URI, so a
 * request carrying it still satisfies `kontextInputSchema`; check {@link isOmittedDataUri}
 * before using an `image_url` or output URL.
 */
export const OMITTED_DATA_URI = "data:,omitted";

/** Longest label of a sweep row or column (prompt axes label by the prompt itself). */
const MAX_LABEL_CHARS = PLAYGROUND_LIMITS.maxPromptChars;

/** One output image: where it is and its size in pixels. */
export interface RecipeImage {
  /** An http(s) URL, or {@link OMITTED_DATA_URI}. */
  url: string;
  width: number;
  height: number;
  content_type: string;
}

/** A run's output as a recipe keeps it (no timings, no prompt echo). */
export interface RunRecipeOutput {
  images: RecipeImage[];
  seed: number;
  has_nsfw_concepts?: boolean[];
}

/** Which engine made the images. */
export type RecipeBackend = "fal" | "local";

/** One run: its exact request and, when it completed, its output. */
export interface RunRecipe {
  kind: "run";
  request: KontextRequest;
  /** Null when the run has no output (not finished, failed, or a recipe of the form alone). */
  output: RunRecipeOutput | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  backend: RecipeBackend;
  /**
   * For local-engine runs: the origin of the playground that made them (`http://localhost:3000`),
   * whose built-in engine serves the output images.
   */
  origin?: string;
}

/**
 * One axis of a shared sweep: what it varied and the labels its values show. A sweep over input
 * images is never shared (see {@link SWEEP_IMAGES_NOT_SHARED}).
 */
export interface SweepRecipeAxis {
  kind: TextAxisKind;
  labels: string[];
}

/** One cell of a shared sweep: its place, exact request and first output image (if any). */
export interface SweepRecipeCell {
  row: number;
  column: number;
  request: KontextRequest;
  output: RecipeImage | null;
}

/** A sweep: its grid of labels and cells. */
export interface SweepRecipe {
  kind: "sweep";
  /** Columns first, then rows (when there are two axes). */
  axes: SweepRecipeAxis[];
  columnLabels: string[];
  /** One empty label when the sweep has a single axis. */
  rowLabels: string[];
  cells: SweepRecipeCell[];
  /** Milliseconds since the epoch. */
  createdAt: number;
  backend: RecipeBackend;
  /** As for {@link RunRecipe.origin}. */
  origin?: string;
}

/** A shared run or sweep. */
export type Recipe = RunRecipe | SweepRecipe;

export { isDataUri };

/** Whether `url` is the marker a recipe puts where a data URI was. */
export function isOmittedDataUri(url: string): boolean {
  return url === OMITTED_DATA_URI;
}

function isHttpOrigin(value: string): boolean {
  return isHttpUrl(value) && new URL(value).origin === value;
}

/** A URL a recipe may hold: http(s), or the omitted marker. Never `javascript:` or other data. */
const recipeUrlSchema = z.string().check(
  z.maxLength(
    PLAYGROUND_LIMITS.maxUrlChars,
    `must be at most ${PLAYGROUND_LIMITS.maxUrlChars} characters`,
  ),
  z.refine(
    (url) => isOmittedDataUri(url) || isHttpUrl(url),
    "must be an http(s) URL (a link never carries data URIs)",
  ),
);

/** The request: the endpoint's contract, with data URIs other than the marker refused. */
const recipeRequestSchema = kontextInputSchema.check(
  z.superRefine((request, ctx) => {
    if (isDataUri(request.image_url) && !isOmittedDataUri(request.image_url)) {
      ctx.addIssue({
        code: "custom",
        path: ["image_url"],
        message: "must be an http(s) URL (a link never carries data URIs)",
      });
    }
  }),
);

const imageSchema = z.strictObject({
  url: recipeUrlSchema,
  width: z.int().check(z.positive(), z.lte(LIMITS.maxInputSide)),
  height: z.int().check(z.positive(), z.lte(LIMITS.maxInputSide)),
  content_type: z
    .string()
    .check(z.regex(/^image\/[a-z0-9.+-]{1,40}$/i, "must be an image MIME type")),
});

const backendSchema = z.enum(["fal", "local"]);
const createdAtSchema = z.int().check(z.nonnegative());
const originSchema = z
  .string()
  .check(
    z.maxLength(200),
    z.refine(isHttpOrigin, "must be an http(s) origin such as http://localhost:3000"),
  );

const runRecipeSchema = z.strictObject({
  kind: z.literal("run"),
  request: recipeRequestSchema,
  output: z.nullable(
    z.strictObject({
      images: z.array(imageSchema).check(z.maxLength(LIMITS.numImages.max)),
      seed: z.int(),
      has_nsfw_concepts: z.optional(z.array(z.boolean()).check(z.maxLength(LIMITS.numImages.max))),
    }),
  ),
  createdAt: createdAtSchema,
  backend: backendSchema,
  origin: z.optional(originSchema),
});

const labelsSchema = z
  .array(z.string().check(z.maxLength(MAX_LABEL_CHARS)))
  .check(z.minLength(1), z.maxLength(MAX_AXIS_VALUES));

const sweepRecipeSchema = z
  .strictObject({
    kind: z.literal("sweep"),
    axes: z
      .array(
        z.strictObject({
          kind: z.enum(["lora_scale", "lora", "seed", "guidance", "steps", "prompt"]),
          labels: labelsSchema,
        }),
      )
      .check(z.minLength(1), z.maxLength(2)),
    columnLabels: labelsSchema,
    rowLabels: labelsSchema,
    cells: z
      .array(
        z.strictObject({
          row: z.int().check(z.nonnegative()),
          column: z.int().check(z.nonnegative()),
          request: recipeRequestSchema,
          output: z.nullable(imageSchema),
        }),
      )
      .check(z.minLength(1), z.maxLength(MAX_SWEEP_CELLS)),
    createdAt: createdAtSchema,
    backend: backendSchema,
    origin: z.optional(originSchema),
  })
  .check(
    z.superRefine((sweep, ctx) => {
      const seen = new Set<string>();
      sweep.cells.forEach((cell, index) => {
        if (cell.row >= sweep.rowLabels.length || cell.column >= sweep.columnLabels.length) {
          ctx.addIssue({ code: "custom", path: ["cells", index], message: "is outside the grid" });
        }
        const place = `${cell.row},${cell.column}`;
        if (seen.has(place)) {
          ctx.addIssue({ code: "custom", path: ["cells", index], message: "repeats a grid place" });
        }
        seen.add(place);
      });
    }),
  );

/**
 * The whole recipe contract. Strict everywhere (unknown fields are refused), every request
 * checked against the endpoint's schema, every URL http(s) or {@link OMITTED_DATA_URI}.
 */
export const recipeSchema = z.discriminatedUnion("kind", [runRecipeSchema, sweepRecipeSchema]);

export type RecipeSchemaMatchesType = Assert<Same<z.output<typeof recipeSchema>, Recipe>>;

function recipeImage(image: RecipeImage): RecipeImage {
  return {
    url: image.url,
    width: image.width,
    height: image.height,
    content_type: image.content_type,
  };
}

/**
 * The recipe of a history run: its exact request and (when it has one) its output's images,
 * seed and NSFW flags. `origin` (the app's origin) is kept for local-engine runs only, whose
 * images the playground at that origin serves. Data URIs are left in; `encodeRecipe` replaces
 * them.
 */
export function runRecipe(run: HistoryRun, origin?: string): RunRecipe {
  return {
    kind: "run",
    request: run.request,
    output: run.output
      ? {
          images: run.output.images.map(recipeImage),
          seed: run.output.seed,
          has_nsfw_concepts: run.output.has_nsfw_concepts,
        }
      : null,
    createdAt: run.createdAt,
    backend: run.backend,
    ...(run.backend === "local" && origin !== undefined ? { origin } : {}),
  };
}

/**
 * Why a sweep over input images has no share link: its images are files from this browser, which
 * a link cannot carry (and would reopen without them).
 */
export const SWEEP_IMAGES_NOT_SHARED =
  "A sweep over input images cannot be shared as a link: its images are files on this device, " +
  "which a link does not carry. Export it as a zip instead.";

/** Whether a sweep can be shared as a link (not when it varies the input image). */
export function isSweepShareable(sweep: Pick<SweepRecord, "axes">): boolean {
  return sweep.axes.every((axis) => axis.kind !== "image");
}

/**
 * The recipe of a saved sweep: its axes (kind and labels), labels and every cell with its exact
 * request and the first output image of its run. `runFor` looks a cell's run up by id; a cell
 * whose run is unknown or has no output gets `output: null`. `origin` as for {@link runRecipe}.
 * Throws for a sweep over input images ({@link SWEEP_IMAGES_NOT_SHARED}).
 */
export function sweepRecipe(
  sweep: SweepRecord,
  runFor: (id: string) => HistoryRun | undefined,
  origin?: string,
): SweepRecipe {
  const axes: SweepRecipeAxis[] = [];
  for (const axis of sweep.axes) {
    if (axis.kind === "image") throw new Error(SWEEP_IMAGES_NOT_SHARED);
    axes.push({ kind: axis.kind, labels: axis.labels });
  }
  return {
    kind: "sweep",
    axes,
    columnLabels: sweep.columnLabels,
    rowLabels: sweep.rowLabels,
    cells: sweep.cells.map((cell) => {
      const image = cell.runId ? runFor(cell.runId)?.output?.images[0] : undefined;
      return {
        row: cell.row,
        column: cell.column,
        request: cell.request,
        output: image ? recipeImage(image) : null,
      };
    }),
    createdAt: sweep.createdAt,
    backend: sweep.backend,
    ...(sweep.backend === "local" && origin !== undefined ? { origin } : {}),
  };
}

function omitInRequest(request: KontextRequest): KontextRequest {
  return isDataUri(request.image_url) ? { ...request, image_url: OMITTED_DATA_URI } : request;
}

function omitInImage(image: RecipeImage): RecipeImage {
  return isDataUri(image.url) ? { ...image, url: OMITTED_DATA_URI } : image;
}

/** A copy of `recipe` with every data URI (input or output) replaced by {@link OMITTED_DATA_URI}. */
export function omitDataUris<R extends Recipe>(recipe: R): R;
export function omitDataUris(recipe: Recipe): Recipe {
  if (recipe.kind === "run") {
    return {
      ...recipe,
      request: omitInRequest(recipe.request),
      output: recipe.output
        ? { ...recipe.output, images: recipe.output.images.map(omitInImage) }
        : null,
    };
  }
  return {
    ...recipe,
    cells: recipe.cells.map((cell) => ({
      ...cell,
      request: omitInRequest(cell.request),
      output: cell.output ? omitInImage(cell.output) : null,
    })),
  };
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : `${count} ${many}`;
}

/**
 * What people should know about a recipe, one sentence each: input images and output images that
 * were left out (data URIs), and where a local-engine recipe's images are served. Derived from
 * the recipe itself, so a decoded link's notes never repeat text from the link.
 */
export function recipeNotes(recipe: Recipe): string[] {
  const requests =
    recipe.kind === "run" ? [recipe.request] : recipe.cells.map((cell) => cell.request);
  const outputs =
    recipe.kind === "run"
      ? (recipe.output?.images ?? [])
      : recipe.cells.flatMap((cell) => (cell.output ? [cell.output] : []));
  const notes: string[] = [];
  if (requests.some((request) => isOmittedDataUri(request.image_url))) {
    notes.push(
      "The input image was a local file (a data URI), which a link does not carry: choose it " +
        "again to run this recipe.",
    );
  }
  const omittedOutputs = outputs.filter((image) => isOmittedDataUri(image.url)).length;
  if (omittedOutputs > 0) {
    notes.push(
      `${plural(omittedOutputs, "One output image was", "output images were")} returned as a ` +
        "data URI (sync mode), which a link does not carry; only the size is kept.",
    );
  }
  if (recipe.backend === "local") {
    notes.push(
      recipe.origin
        ? `The images were made by the built-in local engine of the playground at ${recipe.origin}; they show only while it is running.`
        : "The images were made by a playground's built-in local engine; they show only while it is running.",
    );
  }
  return notes;
}
