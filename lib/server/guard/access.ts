import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The access-session cookie's name. */
export const ACCESS_COOKIE = "kontext_access";
/** How long an access session lasts. */
export const ACCESS_SESSION_SECONDS = 12 * 60 * 60;

function signingKey(code: string): Buffer {
  // Derived from the code, so instances that share a code accept each other's sessions and
  // changing the code ends every session. The cookie never contains the code.
  return createHash("sha256").update(`kontext-access-session\0${code}`).digest();
}

function mac(code: string, payload: string): string {
  return createHmac("sha256", signingKey(code)).update(payload).digest("base64url");
}

/** True when `given` is the access code (compared in constant time). */
export function isAccessCode(code: string, given: unknown): boolean {
  if (typeof given !== "string" || given.length > 1024) return false;
  const hash = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(hash(code), hash(given.trim()));
}

/** A new signed session token: `<expires>.<random>.<hmac>`. */
export function newSessionToken(code: string, now = Date.now()): string {
  const payload = `${now + ACCESS_SESSION_SECONDS * 1000}.${randomBytes(16).toString("base64url")}`;
  return `${payload}.${mac(code, payload)}`;
}

/** True when `token` was signed for `code` and has not expired. */
export function isValidSession(code: string, token: string | undefined, now = Date.now()): boolean {
  if (!token || token.length > 200) return false;
  const last = token.lastIndexOf(".");
  const payload = token.slice(0, last);
  const expires = Number(payload.split(".")[0]);
  if (last < 0 || !Number.isFinite(expires) || expires <= now) return false;
  const expected = Buffer.from(mac(code, payload));
  const given = Buffer.from(token.slice(last + 1));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The access-session token from a request's Cookie header, if any. */
export function sessionToken(headers: Headers): string | undefined {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === ACCESS_COOKIE) return value.join("=");
  }
  return undefined;
}

/** True when the request arrived over https (directly or as told by the proxy in front). */
export function isHttps(request: Request): boolean {
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto ? proto === "https" : new URL(request.url).protocol === "https:";
}

/** The Set-Cookie value for a session (HttpOnly, SameSite=Strict, Secure over https). */
export function sessionCookie(token: string, secure: boolean, maxAge = ACCESS_SESSION_SECONDS) {
  return [
    `${ACCESS_COOKIE}=${token}`,
    "Path=/",
    `Max-Age=${maxAge}`,
    "HttpOnly",
    "SameSite=Strict",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
