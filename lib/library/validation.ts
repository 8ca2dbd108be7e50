import { normalizeLoraPath } from "@/lib/domain/lora-path";
import { formatCount } from "@/lib/domain/text";
import type { Assert, Same } from "@/lib/domain/type-checks";
import { LIMITS } from "@/lib/kontext/endpoint";
import * as z from "@/lib/kontext/zod";
import { LIBRARY_LIMITS } from "./library-file";
import type { LoraPreview, UserLora } from "./types";

export { LIBRARY_LIMITS } from "./library-file";

const { min: minScale, max: maxScale } = LIMITS.loraScale;
const SCALE_MESSAGE = `Enter a scale from ${minScale} to ${maxScale}`;

/** A weight-file URL, checked and normalised by {@link normalizeLoraPath}. */
const pathSchema = z.pipe(
  z.string({ error: "Enter the URL of the LoRA's weight file" }),
  z.transform((value, context) => {
    const checked = normalizeLoraPath(value);
    if (checked.ok) return checked.path;
    context.issues.push({ code: "custom", message: checked.message, input: value });
    return z.NEVER;
  }),
);

const tagSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, "A tag cannot be empty"),
    z.maxLength(
      LIBRARY_LIMITS.maxTagChars,
      `Keep each tag to ${LIBRARY_LIMITS.maxTagChars} characters`,
    ),
  );

/** The fields a person fills in to save a LoRA. */
const userLoraFields = {
  name: z
    .string({ error: "Enter a name" })
    .check(
      z.trim(),
      z.minLength(1, "Enter a name"),
      z.maxLength(
        LIBRARY_LIMITS.maxNameChars,
        `Keep the name to ${LIBRARY_LIMITS.maxNameChars} characters`,
      ),
    ),
  path: pathSchema,
  trigger: z
    .string({ error: "The trigger must be text" })
    .check(
      z.trim(),
      z.maxLength(
        LIBRARY_LIMITS.maxTriggerChars,
        `Keep the trigger to ${formatCount(LIBRARY_LIMITS.maxTriggerChars)} characters`,
      ),
    ),
  scale: z
    .number({ error: SCALE_MESSAGE })
    .check(z.gte(minScale, SCALE_MESSAGE), z.lte(maxScale, SCALE_MESSAGE)),
  notes: z
    .string({ error: "The notes must be text" })
    .check(
      z.trim(),
      z.maxLength(
        LIBRARY_LIMITS.maxNotesChars,
        `Keep the notes to ${formatCount(LIBRARY_LIMITS.maxNotesChars)} characters`,
      ),
    ),
  tags: z.optional(
    z.pipe(
      z
        .array(tagSchema, { error: "Tags must be a list of words" })
        .check(z.maxLength(LIBRARY_LIMITS.maxTags, `Use at most ${LIBRARY_LIMITS.maxTags} tags`)),
      z.transform((tags) => [...new Set(tags)]),
    ),
  ),
};

/** What a person enters to save a LoRA: everything but its id and creation time. */
export const userLoraInputSchema = z.object(userLoraFields);

/** What a person enters to save a LoRA (before checking: the scale may be NaN, tags untrimmed). */
export type UserLoraInput = Omit<UserLora, "id" | "createdAt">;

/** A saved LoRA, as stored and exported. Checks every field; normalises the path and tags. */
export const userLoraSchema = z.object({
  id: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "must be a non-empty string"),
      z.maxLength(LIBRARY_LIMITS.maxIdChars),
    ),
  ...userLoraFields,
  createdAt: z.number().check(z.nonnegative()),
});

/** A pinned preview, as stored and exported. The thumbnail must be an image data URL. */
export const loraPreviewSchema = z.object({
  path: pathSchema,
  thumbnail: z
    .string()
    .check(
      z.maxLength(LIBRARY_LIMITS.maxThumbnailChars, "is too large for a thumbnail"),
      z.regex(
        /^data:image\/(?:jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/,
        "must be a JPEG, PNG or WebP data URL",
      ),
    ),
  runId: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.minLength(1, "must be a non-empty string"),
        z.maxLength(LIBRARY_LIMITS.maxIdChars),
      ),
  ),
  sourceUrl: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(4_096))),
  pinnedAt: z.number().check(z.nonnegative()),
});

// Compile-time checks that the schemas produce exactly the library's types.
export type UserLoraSchemaMatchesType = Assert<Same<z.output<typeof userLoraSchema>, UserLora>>;
export type PreviewSchemaMatchesType = Assert<
  Same<z.output<typeof loraPreviewSchema>, LoraPreview>
>;

/** A field of the "Save a LoRA" form. */
export type UserLoraField = keyof UserLoraInput;

/** The outcome of {@link checkUserLoraInput}. */
export type UserLoraCheck =
  | { ok: true; value: UserLoraInput }
  | { ok: false; errors: Partial<Record<UserLoraField, string>> };

/**
 * Checks what a person entered to save a LoRA: the name (required, ≤ 100 characters), the path
 * (see {@link normalizeLoraPath}; normalised), the trigger (≤ 5,000), the scale (0–4), the notes
 * (≤ 2,000) and the tags (≤ 12, each ≤ 32 characters; lower-cased, duplicates dropped). Text is
 * trimmed. On failure, one message per field, for people, to show at that field.
 */
export function checkUserLoraInput(input: UserLoraInput): UserLoraCheck {
  const result = userLoraInputSchema.safeParse(input);
  if (result.success) {
    const { tags, ...rest } = result.data;
    return { ok: true, value: tags && tags.length > 0 ? { ...rest, tags } : rest };
  }
  const errors: Partial<Record<UserLoraField, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as UserLoraField | undefined;
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/** Tags typed as one line ("3d, toy  style") as a list: split at commas, trimmed, lower-case. */
export function parseTagList(text: string): string[] {
  const tags = text
    .split(",")
    .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, " "))
    .filter(Boolean);
  return [...new Set(tags)];
}
