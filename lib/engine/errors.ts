import type { FieldError } from "@/lib/kontext/schema";

/**
 * A request the engine cannot process because of its input (an unreadable image, a refused URL,
 * an image too large…). It becomes a 422 with fal's `{detail: [{loc, msg, type}]}` body.
 */
export class InputError extends Error {
  override name = "InputError";

  constructor(
    message: string,
    /** The input field at fault, e.g. `image_url` or `loras.0.path`. */
    readonly field: string = "image_url",
  ) {
    super(message);
  }

  /** The error in fal's field-error shape. */
  toFieldErrors(): FieldError[] {
    const loc = [
      "body",
      ...this.field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    ];
    return [{ loc, msg: this.message, type: "value_error" }];
  }
}
