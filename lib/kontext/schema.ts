import {
  ACCELERATIONS,
  LIMITS,
  OUTPUT_FORMATS,
  PLAYGROUND_LIMITS,
  RESOLUTION_MODES,
} from "./endpoint";
import * as z from "./zod";

/**
 * The one place where the input and output contract of `fal-ai/flux-kontext-lora` lives.
 * The proxy validates submit bodies with it, the local engine parses requests with it and the
 * form reads defaults and ranges from it. Every default, range and enum is the seed contract's.
 */

const DATA_URI = /^data:([a-z]+\/[a-z0-9.+-]+)?(;[a-z0-9-]+=[^;,]*)*(;base64)?,/i;

/**
 * A number of `field` within `range` (a whole one when `isWhole`), in the endpoint's words:
 * `num_images must be at most 4`.
 */
function boundedNumber(
  field: string,
  range: { min: number; max: number },
  { isWhole = false }: { isWhole?: boolean } = {},
) {
  return z
    .number({ error: `${field} must be a number` })
    .check(
      ...(isWhole ? [z.int(`${field} must be a whole number`)] : []),
      z.gte(range.min, `${field} must be at least ${range.min}`),
      z.lte(range.max, `${field} must be at most ${range.max}`),
    );
}

/** `image_url`: an http(s) URL or a data URI (fal accepts both for file inputs). */
export const imageUrlSchema = z.string({ error: "image_url must be a string" }).check(
  z.trim(),
  z.minLength(1, "image_url is required"),
  z.superRefine((value, ctx) => {
    if (DATA_URI.test(value)) return;
    if (value.length > PLAYGROUND_LIMITS.maxUrlChars) {
      ctx.addIssue({
        code: "custom",
        message: `image_url is longer than ${PLAYGROUND_LIMITS.maxUrlChars} characters`,
      });
      return;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "image_url must be an http(s) URL or a data URI" });
      return;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({
        code: "custom",
        message: `image_url must use http or https, not ${url.protocol.replace(":", "")}`,
      });
    }
  }),
);

/** One LoRA: weights at `path`, merged into the base model at `scale` (0–4, default 1). */
export const loraWeightSchema = z.strictObject({
  path: z
    .string({ error: "path must be a string" })
    .check(
      z.trim(),
      z.minLength(1, "path is required"),
      z.maxLength(
        PLAYGROUND_LIMITS.maxLoraPathChars,
        `path is longer than ${PLAYGROUND_LIMITS.maxLoraPathChars} characters`,
      ),
    ),
  scale: z._default(
    z
      .number({ error: "scale must be a number" })
      .check(
        z.gte(LIMITS.loraScale.min, `scale must be at least ${LIMITS.loraScale.min}`),
        z.lte(LIMITS.loraScale.max, `scale must be at most ${LIMITS.loraScale.max}`),
      ),
    LIMITS.loraScale.default,
  ),
});

/**
 * "5,000": the prompt limit as messages write it (not `toLocaleString`, whose first call loads the
 * browser's number-formatting data while a person waits for Generate).
 */
const MAX_PROMPT_CHARS_TEXT = String(PLAYGROUND_LIMITS.maxPromptChars).replace(
  /\B(?=(\d{3})+(?!\d))/g,
  ",",
);

/** The endpoint's input, all 13 fields. Unknown fields are refused, so typos never pass silently. */
export const kontextInputSchema = z.strictObject({
  image_url: imageUrlSchema,
  prompt: z.string({ error: "prompt must be a string" }).check(
    z.refine((value) => value.trim().length > 0, "prompt is required"),
    z.refine(
      (value) => value.length <= PLAYGROUND_LIMITS.maxPromptChars,
      `prompt is longer than ${MAX_PROMPT_CHARS_TEXT} characters`,
    ),
  ),
  num_inference_steps: z._default(
    boundedNumber("num_inference_steps", LIMITS.steps, { isWhole: true }),
    LIMITS.steps.default,
  ),
  seed: z.pipe(
    z.nullish(boundedNumber("seed", { min: 0, max: PLAYGROUND_LIMITS.maxSeed }, { isWhole: true })),
    z.transform((value) => value ?? undefined),
  ),
  guidance_scale: z._default(
    boundedNumber("guidance_scale", LIMITS.guidance),
    LIMITS.guidance.default,
  ),
  sync_mode: z._default(z.boolean({ error: "sync_mode must be true or false" }), false),
  num_images: z._default(
    boundedNumber("num_images", LIMITS.numImages, { isWhole: true }),
    LIMITS.numImages.default,
  ),
  enable_safety_checker: z._default(
    z.boolean({ error: "enable_safety_checker must be true or false" }),
    true,
  ),
  output_format: z._default(
    z.enum(OUTPUT_FORMATS, { error: `output_format must be one of ${OUTPUT_FORMATS.join(", ")}` }),
    "png",
  ),
  loras: z._default(
    z
      .array(loraWeightSchema, { error: "loras must be a list" })
      .check(
        z.maxLength(
          PLAYGROUND_LIMITS.maxLoras,
          `loras may hold at most ${PLAYGROUND_LIMITS.maxLoras} entries`,
        ),
      ),
    [],
  ),
  acceleration: z._default(
    z.enum(ACCELERATIONS, { error: `acceleration must be one of ${ACCELERATIONS.join(", ")}` }),
    "none",
  ),
  resolution_mode: z._default(
    z.enum(RESOLUTION_MODES, {
      error: `resolution_mode must be one of ${RESOLUTION_MODES.join(", ")}`,
    }),
    "match_input",
  ),
});

/** What a caller may send (defaults optional). */
export type KontextInput = z.input<typeof kontextInputSchema>;
/** The input with every default filled in. */
export type KontextRequest = z.output<typeof kontextInputSchema>;
export type LoraWeight = z.output<typeof loraWeightSchema>;

/** One generated image. `url` is a CDN URL, or a data URI when `sync_mode` is on. */
export const kontextImageSchema = z.object({
  url: z.string(),
  width: z.int().check(z.positive()),
  height: z.int().check(z.positive()),
  content_type: z._default(z.string(), "image/jpeg"),
});

/** The endpoint's output. */
export const kontextOutputSchema = z.object({
  images: z.array(kontextImageSchema),
  timings: z.record(z.string(), z.number()),
  seed: z.int(),
  has_nsfw_concepts: z.array(z.boolean()),
  prompt: z.string(),
});

export type KontextImage = z.output<typeof kontextImageSchema>;
export type KontextOutput = z.output<typeof kontextOutputSchema>;

/** One field error in fal's (FastAPI's) shape, which `@fal-ai/client` turns into `ValidationError`. */
export interface FieldError {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** Maps zod issues to fal's `{loc, msg, type}` list, with `loc` rooted at `body`. */
export function toFieldErrors(error: z.core.$ZodError): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const loc = ["body", ...issue.path.map(toLocPart)];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        loc: [...loc, key],
        msg: `Unknown field: ${key}`,
        type: "extra_forbidden",
      }));
    }
    return [
      { loc, msg: issue.message, type: issue.code === "custom" ? "value_error" : issue.code },
    ];
  });
}

function toLocPart(part: PropertyKey): string | number {
  return typeof part === "number" ? part : String(part);
}

/** Result of {@link parseKontextInput}: the request with defaults, or fal-shaped field errors. */
export type ParseResult = { ok: true; value: KontextRequest } | { ok: false; errors: FieldError[] };

/** Validates a submit body. Never throws; `errors` name every problem found. */
export function parseKontextInput(body: unknown): ParseResult {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return {
      ok: false,
      errors: [
        { loc: ["body"], msg: "The request body must be a JSON object", type: "type_error" },
      ],
    };
  }
  const result = kontextInputSchema.safeParse(body);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: toFieldErrors(result.error) };
}

/** One-line summary of field errors, for `message` fields and logs. */
export function summarizeFieldErrors(errors: FieldError[]): string {
  return errors
    .map((error) => {
      const field = error.loc.filter((part) => part !== "body").join(".");
      return field ? `${field}: ${error.msg}` : error.msg;
    })
    .join("; ");
}

// Compile-time drift check against the types fal generates for this endpoint: if fal adds,
// removes or retypes a field, `tsc` fails here.
type FalEndpoint = import("@fal-ai/client/endpoints").EndpointTypeMap["fal-ai/flux-kontext-lora"];
type Assert<T extends true> = T;
type IsNever<T> = [T] extends [never] ? true : false;
export type InputFitsFal = Assert<KontextRequest extends FalEndpoint["input"] ? true : false>;
export type InputHasNoExtraFields = Assert<
  IsNever<Exclude<keyof KontextRequest, keyof FalEndpoint["input"]>>
>;
export type InputHasEveryFalField = Assert<
  IsNever<Exclude<keyof FalEndpoint["input"], keyof KontextRequest>>
>;
export type OutputHasEveryFalField = Assert<
  IsNever<Exclude<keyof FalEndpoint["output"], keyof KontextOutput>>
>;
