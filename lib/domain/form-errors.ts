// The field errors' smallest helpers, apart from `./form` (labels, drafts, server errors), so the
// store's setters clear an error without the first screen loading the rest.

/** The `image_url` field error `startRun` sets while an image is still being read. */
export const WAIT_FOR_IMAGE = "Wait until the image has been read";

/** A copy of `record` without `key`. */
export function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const { [key]: _removed, ...rest } = record;
  return rest;
}
