import "server-only";

/**
 * The origin the caller used (from its Host header), so local-engine file URLs work from any
 * machine that reaches this server. It only shapes URLs handed back to that same caller; the
 * server never fetches it.
 */
export function callerOrigin(request: Request): string {
  const fallback = new URL(request.url);
  const host = request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const protocol =
    proto === "https" || proto === "http" ? proto : fallback.protocol.replace(":", "");
  return host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)
    ? `${protocol}://${host}`
    : fallback.origin;
}
