import { deflateSync, Inflate } from "fflate";
import { formatCount } from "@/lib/domain/text";
import { describeIssues, FILE_IMPORT_STYLE } from "@/lib/persist/issues";
import { parseJson } from "@/lib/persist/json-document";
import { SHARE_PARAM, SHARE_PATH } from "./params";
import { omitDataUris, type Recipe, recipeNotes, recipeSchema } from "./recipe";

/**
 * Recipe links: a whole recipe inside a URL, so sharing needs no server-side storage.
 *
 * Token format, version 1: `1.` then base64url (no padding) of
 *
 *     [CRC-32 of the JSON, 4 bytes big-endian][length of the deflated data, 2 bytes big-endian]
 *     [deflate-raw (level 9) of the recipe's compact JSON]
 *
 * The length makes a cut-off link read as "truncated" every time, whatever the cut (deflate
 * marks its own end, which tells a cut from an edited length); the CRC makes any other change
 * that alters the recipe read as "tampered" (a change to bits deflate ignores leaves the very
 * same recipe, and is let through). The CRC catches accidents and edits; it is not a signature:
 * anyone can make a valid link, which is why decoding validates every field. The version prefix
 * lets a later format be told apart before anything is decoded.
 *
 * Decoding never evaluates anything: prompts, LoRA paths and labels come back as strings, and
 * the page must render them as text (React's `{text}`, never `dangerouslySetInnerHTML`), using
 * only the validated http(s) URLs as image sources and links.
 */

/** The link format this code writes and the newest it reads. */
export const RECIPE_LINK_VERSION = 1;

/**
 * The longest token a link may carry, in characters (the value of `r=` in {@link shareUrl}).
 * 8,000 keeps the request line (`GET /share?r=<token> HTTP/1.1`, 8,022 characters) inside the
 * smallest common server limits — Apache's 8,190-byte `LimitRequestLine`, nginx's 8 KiB header
 * buffers, Node's 16 KiB header limit — and the whole link well inside what browsers, Slack,
 * Teams and email accept. A run is typically a few hundred characters; a sweep about 100 per
 * cell. (Discord's 2,000-character messages are the exception: a large sweep will not fit.)
 */
export const MAX_TOKEN_CHARS = 8_000;

/**
 * The most bytes a token's JSON may hold once inflated (1 MiB). Inflating stops at this limit,
 * so a crafted token (deflate reaches about 1,000:1) cannot make the server or page allocate
 * more; honest recipes under {@link MAX_TOKEN_CHARS} stay far below it.
 */
export const MAX_RECIPE_JSON_BYTES = 1024 * 1024;

export { SHARE_PARAM, SHARE_PATH };

/** Why a token could not be read. */
export type LinkProblem = "truncated" | "tampered" | "too-large" | "newer-version" | "not-a-recipe";

/**
 * Result of {@link decodeRecipe}; never throws. `notes` say what the recipe leaves out (see
 * `recipeNotes`); `message` says what is wrong, for people.
 */
export type DecodeResult =
  | { ok: true; recipe: Recipe; notes: string[] }
  | { ok: false; problem: LinkProblem; message: string };

/** Thrown by {@link encodeRecipe} when a recipe does not fit in a link. */
export class RecipeTooLargeError extends Error {
  override readonly name = "RecipeTooLargeError";

  constructor(
    message: string,
    /** How long the token would be, in characters (null when refused before compressing). */
    readonly tokenChars: number | null,
  ) {
    super(message);
  }
}

const HEADER_BYTES = 6;
/** Input fed to the inflater per step: bounds the output one step can add (about 1,000×). */
const INFLATE_STEP = 512;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO-HDLC, as in zip and PNG) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Bytes of a base64url string already checked to hold only base64url characters. */
function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function tooLarge(recipe: Recipe, size: string, tokenChars: number | null): RecipeTooLargeError {
  const advice =
    recipe.kind === "sweep"
      ? "Share fewer cells (one row or column, or fewer values), or a single run."
      : "Its prompt, URLs or LoRA paths are too long to share as a link.";
  return new RecipeTooLargeError(
    `This ${recipe.kind}'s link would be ${size}, more than the ${formatCount(MAX_TOKEN_CHARS)} ` +
      `characters a link can carry. ${advice}`,
    tokenChars,
  );
}

/**
 * The link token of `recipe` (see the format above): data URIs replaced by the omitted marker,
 * then validated, serialised as compact JSON, deflated (level 9) and base64url-encoded behind
 * the version prefix. Throws a {@link RecipeTooLargeError} when the token would be longer than
 * {@link MAX_TOKEN_CHARS} (suggesting fewer cells for a sweep), and an `Error` naming the field
 * for a recipe that is not valid (nothing undecodable is ever written).
 */
export function encodeRecipe(recipe: Recipe): string {
  const parsed = recipeSchema.safeParse(omitDataUris(recipe));
  if (!parsed.success) {
    throw new Error(
      `This recipe cannot be shared: ${describeIssues(parsed.error, FILE_IMPORT_STYLE)}`,
    );
  }
  const json = new TextEncoder().encode(JSON.stringify(parsed.data));
  if (json.length > MAX_RECIPE_JSON_BYTES) {
    const size = `over ${formatCount(MAX_RECIPE_JSON_BYTES)} bytes before compression`;
    throw tooLarge(recipe, size, null);
  }
  const deflated = deflateSync(json, { level: 9 });
  const prefix = `${RECIPE_LINK_VERSION}.`;
  // Unpadded base64 spends 4 characters per 3 bytes, rounded up.
  const tokenChars = prefix.length + Math.ceil(((HEADER_BYTES + deflated.length) * 4) / 3);
  if (tokenChars > MAX_TOKEN_CHARS) {
    throw tooLarge(recipe, `${formatCount(tokenChars)} characters`, tokenChars);
  }
  // Under MAX_TOKEN_CHARS the deflated data is at most 6,000 bytes: its length fits 2 bytes.
  const bytes = new Uint8Array(HEADER_BYTES + deflated.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, crc32(json));
  view.setUint16(4, deflated.length);
  bytes.set(deflated, HEADER_BYTES);
  return prefix + toBase64Url(bytes);
}

const TRUNCATED =
  "This recipe link is incomplete: it was cut off somewhere between copying and pasting. " +
  "Copy the whole link again.";
const TAMPERED =
  "This recipe link has been changed since it was made (its check code does not match), so " +
  "it is not shown. Copy the original link again.";

/** Raised inside the inflater's callback to stop at {@link MAX_RECIPE_JSON_BYTES}. */
class InflateLimit extends Error {}

/** Inflates `data`, stopping as soon as the output passes `limit` bytes. */
function inflateCapped(
  data: Uint8Array,
  limit: number,
): { ok: true; bytes: Uint8Array } | { ok: false; reason: "too-large" | "corrupt" } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new InflateLimit();
    chunks.push(chunk);
  });
  try {
    if (data.length === 0) return { ok: false, reason: "corrupt" };
    for (let start = 0; start < data.length; start += INFLATE_STEP) {
      const end = start + INFLATE_STEP;
      inflater.push(data.subarray(start, end), end >= data.length);
    }
  } catch (error) {
    return { ok: false, reason: error instanceof InflateLimit ? "too-large" : "corrupt" };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes };
}

type Step<T> = { ok: true; value: T } | { ok: false; problem: LinkProblem; message: string };

function fail(
  kind: LinkProblem,
  message: string,
): { ok: false; problem: LinkProblem; message: string } {
  return { ok: false, problem: kind, message };
}

const NOT_OURS = "This is not a Kontext Playground recipe link.";

/** The base64url body of a token, once its length and version prefix are in order. */
function readPrefix(token: string): Step<string> {
  if (token.length > MAX_TOKEN_CHARS) {
    return fail(
      "too-large",
      `This link is ${formatCount(token.length)} characters long, more than the ` +
        `${formatCount(MAX_TOKEN_CHARS)} a recipe link may have, so it was not read.`,
    );
  }
  if (token.length === 0) return fail("not-a-recipe", "This link holds no recipe.");
  const match = /^(\d{1,9})(?:\.(.*))?$/s.exec(token);
  if (!match) return fail("not-a-recipe", NOT_OURS);
  const version = Number(match[1]);
  if (version > RECIPE_LINK_VERSION) {
    return fail(
      "newer-version",
      `This link was made by a newer version of Kontext Playground (link format ${version}; ` +
        `this one reads up to ${RECIPE_LINK_VERSION}). Update the playground to open it.`,
    );
  }
  if (version < 1) return fail("not-a-recipe", NOT_OURS);
  const body = match[2];
  // "1" or "1." alone: the link was cut right after its version.
  if (body === undefined || body.length === 0) return fail("truncated", TRUNCATED);
  return { ok: true, value: body };
}

/** The JSON bytes a token body carries, checked against its stated length and CRC. */
function unpackBody(body: string): Step<Uint8Array> {
  if (!/^[A-Za-z0-9_-]*$/.test(body)) {
    return fail(
      "tampered",
      "This recipe link holds characters a recipe link never has, so it was changed after it " +
        "was made (or something was pasted onto its end). Copy the original link again.",
    );
  }
  // A base64 text of length 4n+1 cannot be complete: its last character carries no whole byte.
  if (body.length % 4 === 1) return fail("truncated", TRUNCATED);
  const bytes = fromBase64Url(body);
  if (bytes.length < HEADER_BYTES) return fail("truncated", TRUNCATED);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const checksum = view.getUint32(0);
  const declared = view.getUint16(4);
  const payload = bytes.subarray(HEADER_BYTES);
  if (payload.length < declared) {
    // Short of its stated length: cut off — unless the deflate stream (which marks its own
    // end) is whole and only the stated length was changed.
    const isWhole = inflateCapped(payload, MAX_RECIPE_JSON_BYTES).ok;
    return isWhole ? fail("tampered", TAMPERED) : fail("truncated", TRUNCATED);
  }
  if (payload.length > declared) return fail("tampered", TAMPERED);
  const inflated = inflateCapped(payload, MAX_RECIPE_JSON_BYTES);
  if (!inflated.ok) {
    return inflated.reason === "too-large"
      ? fail(
          "too-large",
          `This link unpacks to more than ${formatCount(MAX_RECIPE_JSON_BYTES)} bytes, more ` +
            "than any recipe needs, so it was not read.",
        )
      : fail("tampered", TAMPERED);
  }
  if (crc32(inflated.bytes) !== checksum) return fail("tampered", TAMPERED);
  return { ok: true, value: inflated.bytes };
}

/** The recipe in intact JSON bytes: from here on, the link is what someone deliberately made. */
function parseRecipeBytes(bytes: Uint8Array): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("not-a-recipe", `${NOT_OURS} (It holds no text.)`);
  }
  const json = parseJson(text);
  if (!json) return fail("not-a-recipe", `${NOT_OURS} (It holds no JSON.)`);
  const parsed = recipeSchema.safeParse(json.value);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error, FILE_IMPORT_STYLE);
    const shown = issues.length > 300 ? `${issues.slice(0, 300)}…` : issues;
    return fail(
      "not-a-recipe",
      `This link does not hold a valid Kontext Playground recipe: ${shown}`,
    );
  }
  return { ok: true, recipe: parsed.data, notes: recipeNotes(parsed.data) };
}

/**
 * Reads a link token back into a recipe. Never throws; answers `ok: false` with a `problem` and
 * a message for people for a token that is cut off (`truncated`), altered (`tampered`), longer
 * than {@link MAX_TOKEN_CHARS} or inflating past {@link MAX_RECIPE_JSON_BYTES} (`too-large`),
 * written by a newer format (`newer-version`), or not a valid recipe at all (`not-a-recipe`,
 * naming the first invalid fields). Every field is validated: requests against the endpoint's
 * schema, URLs as http(s) only. The recipe's strings are data — render them as text.
 */
export function decodeRecipe(token: string): DecodeResult {
  if (typeof token !== "string") return fail("not-a-recipe", NOT_OURS);
  const body = readPrefix(token);
  if (!body.ok) return body;
  const bytes = unpackBody(body.value);
  if (!bytes.ok) return bytes;
  return parseRecipeBytes(bytes.value);
}

/**
 * The link of `token` on the playground at `origin`: `<origin>/share?r=<token>`.
 *
 * Why a query string: the share page is server-rendered with Open Graph tags (title, prompt,
 * first output image), so the token must reach the server — a `#fragment` never does. Between
 * a path segment (`/s/<token>`) and a query parameter, the query wins because: an 8 KB path
 * segment breaks limits a query does not (file names of 255 bytes in file-system caches, IIS's
 * 260-character segments); one static route (`app/share/page.tsx` reading `searchParams`) is
 * always rendered on demand, never prerendered or cached per token; and the query string is
 * where data belongs in a URL (base64url and `.` need no escaping there). The page should send
 * `Referrer-Policy: no-referrer` so image hosts are not handed the whole recipe.
 */
export function shareUrl(origin: string, token: string): string {
  const url = new URL(SHARE_PATH, origin);
  url.searchParams.set(SHARE_PARAM, token);
  return url.toString();
}

/**
 * The token in a share page's `searchParams[SHARE_PARAM]` (Next passes `string | string[] |
 * undefined`): the first value, or "" when there is none ({@link decodeRecipe} then says the
 * link holds no recipe).
 */
export function shareToken(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}
