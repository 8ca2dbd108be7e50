import "server-only";
import type { FieldError } from "@/lib/kontext/schema";

/** Largest storage-initiate body (it only names a file and its type). */
export const MAX_INITIATE_BODY_BYTES = 16 * 1024;

/** A storage upload initiate body, as `@fal-ai/client` sends it, or why it is refused. */
export type UploadInitiate =
  | { ok: true; contentType: string; fileName: string | undefined }
  | { ok: false; errors: FieldError[] };

/**
 * Checks `{content_type, file_name?}`: the type must be a string of at most 255 characters and
 * the name, when given, a string. The proxy and the local engine apply the same rule.
 */
export function parseUploadInitiate(body: unknown): UploadInitiate {
  const { content_type: contentType, file_name: fileName } = (body ?? {}) as Record<
    string,
    unknown
  >;
  const errors: FieldError[] = [];
  if (typeof contentType !== "string" || contentType.length > 255) {
    errors.push({
      loc: ["body", "content_type"],
      msg: "content_type must be a string",
      type: "type_error",
    });
  }
  if (fileName !== undefined && typeof fileName !== "string") {
    errors.push({
      loc: ["body", "file_name"],
      msg: "file_name must be a string",
      type: "type_error",
    });
  }
  if (errors.length > 0 || typeof contentType !== "string") return { ok: false, errors };
  return { ok: true, contentType, fileName: typeof fileName === "string" ? fileName : undefined };
}
