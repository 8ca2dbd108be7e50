import "server-only";

/** A body read up to a limit: its bytes, or `ok: false` once it grew past the limit. */
export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false };

/**
 * Reads a request body, stopping as soon as it exceeds `limit` bytes (the declared
 * Content-Length is checked first, but never trusted on its own).
 */
export async function readBodyWithLimit(request: Request, limit: number): Promise<LimitedBody> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return { ok: false };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { ok: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
