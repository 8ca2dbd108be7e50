import "server-only";

import sharp, { type Metadata } from "sharp";
import { formatBinaryBytes } from "@/lib/domain/text";
import { InputError } from "@/lib/engine/errors";
import { fetchPublicUrl } from "@/lib/engine/safe-fetch";
import { LIMITS } from "@/lib/kontext/endpoint";

export type InputFormat = "jpeg" | "png" | "webp" | "gif" | "avif";

export interface LoadedImage {
  /** The encoded image bytes, unchanged. */
  bytes: Buffer;
  format: InputFormat;
  /** Size after EXIF orientation is applied (e.g. a 400×200 JPEG with orientation 6 is 200×400). */
  width: number;
  height: number;
}

export interface LoadInputDeps {
  /** Returns the bytes of a file this engine stored itself (its own upload URL), or null when the URL is not one of ours. */
  readOwnFile: (url: URL) => Promise<Buffer | null>;
  /** Fetches a public URL; defaults to fetchPublicUrl from ./safe-fetch. Injected in tests. */
  fetchRemote?: (url: string) => Promise<{ bytes: Buffer }>;
}

/** Largest image accepted inline as a data URI, in decoded bytes (32 MiB). */
export const MAX_DATA_URI_BYTES = 32 * 1024 * 1024;

const EXPECTED = "expected JPEG, PNG, WebP, GIF or AVIF";
/** Side length of the throwaway thumbnail decoded to prove the image is readable. */
const PROBE_SIDE = 32;

/**
 * Resolves `image_url` to validated image bytes: a data URI is decoded in place, a URL the engine
 * stored itself is read through `deps.readOwnFile`, any other http(s) URL is fetched with
 * `deps.fetchRemote` (SSRF-safe {@link fetchPublicUrl} by default). The bytes are then checked by
 * {@link inspectImageBytes}.
 *
 * @throws InputError (field `image_url`) naming what is wrong with the URL or the image.
 */
export async function loadInputImage(imageUrl: string, deps: LoadInputDeps): Promise<LoadedImage> {
  const trimmed = imageUrl.trim();
  if (/^data:/i.test(trimmed)) return inspectImageBytes(decodeDataUri(trimmed));

  const url = parseHttpUrl(trimmed);
  const own = await deps.readOwnFile(url);
  if (own) return inspectImageBytes(own);
  const fetchRemote = deps.fetchRemote ?? fetchPublicUrl;
  const { bytes } = await fetchRemote(url.href);
  return inspectImageBytes(bytes);
}

/**
 * Validates encoded image bytes: they must be a JPEG, PNG, WebP, GIF or AVIF (sniffed from the
 * magic bytes before any decoder runs), no side may exceed {@link LIMITS.maxInputSide} pixels
 * after EXIF orientation, and the first frame must actually decode.
 *
 * @throws InputError (field `image_url`) naming the problem.
 */
export async function inspectImageBytes(bytes: Buffer): Promise<LoadedImage> {
  if (bytes.length === 0) throw new InputError("The input image is empty (0 bytes)");
  const format = sniffFormat(bytes);
  if (format === "svg") {
    throw new InputError("SVG images are not supported; use JPEG, PNG, WebP, GIF or AVIF");
  }
  if (format === null) throw new InputError(`The input is not an image (${EXPECTED})`);
  if (!isInputFormat(format)) throw unsupportedFormat(format);

  const metadata = await readMetadata(bytes);
  assertSameFormat(format, metadata);
  const { width, height } = orientedSize(metadata);
  if (width < 1 || height < 1) throw corrupt();
  assertSideLimit(width, height);
  await proveDecodable(bytes, width, height);
  return { bytes, format, width, height };
}

// --- data URIs -------------------------------------------------------------------------------

function invalidDataUri(): InputError {
  return new InputError("image_url is not a valid data URI");
}

/** Decodes `data:[mime][;params][;base64],payload` (base64 or percent-encoded) to bytes. */
function decodeDataUri(uri: string): Buffer {
  const comma = uri.indexOf(",");
  if (comma < 0) throw invalidDataUri();
  const header = uri.slice("data:".length, comma);
  const payload = uri.slice(comma + 1);
  const params = header.split(";").map((part) => part.trim().toLowerCase());
  const mime = params[0] ?? "";
  if (mime !== "" && !/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(mime)) {
    throw invalidDataUri();
  }
  const isBase64 = params.length > 1 && params[params.length - 1] === "base64";
  return isBase64 ? decodeBase64Payload(payload) : decodePercentPayload(payload);
}

function decodeBase64Payload(payload: string): Buffer {
  // Base64 may itself be percent-encoded (e.g. `%2B` for `+`) and wrapped with whitespace.
  const text = (payload.includes("%") ? percentDecodeToLatin1(payload) : payload).replace(
    /\s+/g,
    "",
  );
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text) || text.length % 4 === 1) throw invalidDataUri();
  if (Math.floor((text.length * 3) / 4) - 2 > MAX_DATA_URI_BYTES) throw dataUriTooLarge();
  const bytes = Buffer.from(
    text,
    text.includes("-") || text.includes("_") ? "base64url" : "base64",
  );
  if (bytes.length > MAX_DATA_URI_BYTES) throw dataUriTooLarge();
  return bytes;
}

function decodePercentPayload(payload: string): Buffer {
  const bytes = Buffer.from(percentDecodeToLatin1(payload), "latin1");
  if (bytes.length > MAX_DATA_URI_BYTES) throw dataUriTooLarge();
  return bytes;
}

/**
 * Percent-decodes to one latin1 character per byte; `decodeURIComponent` can't be used because
 * binary payloads (`%FF`) are not valid UTF-8. Literal non-ASCII characters are kept as UTF-8.
 */
function percentDecodeToLatin1(text: string): string {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) throw invalidDataUri();
  const utf8 = Buffer.from(text, "utf8").toString("latin1");
  return utf8.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function dataUriTooLarge(): InputError {
  return new InputError(
    `The data URI image is larger than ${formatBinaryBytes(MAX_DATA_URI_BYTES)}`,
  );
}

// --- URLs ------------------------------------------------------------------------------------

function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError("image_url is not a valid URL or data URI");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const scheme = url.protocol.replace(/:$/, "");
    throw new InputError(`image_url must be an http(s) URL or a data URI (got '${scheme}')`);
  }
  return url;
}

// --- format sniffing -------------------------------------------------------------------------

type SniffedFormat = InputFormat | "svg" | "tiff" | "heic" | "jp2" | "jxl" | "bmp" | "psd";

function isInputFormat(format: SniffedFormat): format is InputFormat {
  return ["jpeg", "png", "webp", "gif", "avif"].includes(format);
}

function startsWith(bytes: Buffer, signature: number[] | string, offset = 0): boolean {
  const sig = typeof signature === "string" ? Buffer.from(signature, "latin1") : signature;
  if (bytes.length < offset + sig.length) return false;
  return sig.every((byte, index) => bytes[offset + index] === byte);
}

/**
 * Identifies the container from its magic bytes, so only the five supported decoders ever see
 * untrusted input. Returns null for anything that is not a recognised image (text, PDF, noise…).
 */
function sniffFormat(bytes: Buffer): SniffedFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, "GIF87a") || startsWith(bytes, "GIF89a")) return "gif";
  if (startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8)) return "webp";
  if (startsWith(bytes, "ftyp", 4)) return sniffIsoBmff(bytes);
  if (startsWith(bytes, "II*\0") || startsWith(bytes, "MM\0*")) return "tiff";
  if (startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20])) return "jp2";
  if (startsWith(bytes, [0xff, 0x4f, 0xff, 0x51])) return "jp2";
  if (startsWith(bytes, [0xff, 0x0a]) || startsWith(bytes, "\0\0\0\x0cJXL ")) return "jxl";
  if (startsWith(bytes, "BM") && isBmpInfoHeader(bytes)) return "bmp";
  if (startsWith(bytes, "8BPS")) return "psd";
  if (looksLikeSvg(bytes)) return "svg";
  return null;
}

/** BMP's "BM" is too common in text to trust alone; the DIB header size must be a known one. */
function isBmpInfoHeader(bytes: Buffer): boolean {
  return bytes.length >= 18 && [12, 40, 52, 56, 64, 108, 124].includes(bytes.readUInt32LE(14));
}

/** AVIF and HEIC share the ISO-BMFF `ftyp` box; the brands tell them apart. */
function sniffIsoBmff(bytes: Buffer): SniffedFormat | null {
  const boxSize = bytes.readUInt32BE(0);
  const end = Math.min(bytes.length, boxSize >= 16 ? boxSize : 16);
  const brands: string[] = [];
  for (let offset = 8; offset + 4 <= end; offset += 4) {
    if (offset === 12) continue; // minor version, not a brand
    brands.push(bytes.toString("latin1", offset, offset + 4));
  }
  if (brands.some((brand) => brand === "avif" || brand === "avis")) return "avif";
  const heicBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];
  if (brands.some((brand) => heicBrands.includes(brand))) return "heic";
  return null;
}

/** SVG is XML text whose root is `<svg`, possibly after an XML declaration, doctype or comments. */
function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes
    .toString("utf8", 0, Math.min(bytes.length, 4096))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (head.startsWith("<svg")) return true;
  return head.startsWith("<?xml") || head.startsWith("<!--") || head.startsWith("<!doctype svg")
    ? head.includes("<svg")
    : false;
}

// --- decoding --------------------------------------------------------------------------------

function corrupt(): InputError {
  return new InputError("The input image is corrupt or truncated and could not be decoded");
}

function unsupportedFormat(format: string): InputError {
  return new InputError(`Unsupported image format '${format}' (${EXPECTED})`);
}

async function readMetadata(bytes: Buffer): Promise<Metadata> {
  try {
    return await sharp(bytes, { pages: 1 }).metadata();
  } catch {
    throw corrupt();
  }
}

/** Guards against a decoder disagreeing with the sniffed container (e.g. an HEVC-coded AVIF). */
function assertSameFormat(sniffed: InputFormat, metadata: Metadata): void {
  if (metadata.format === "svg") {
    throw new InputError("SVG images are not supported; use JPEG, PNG, WebP, GIF or AVIF");
  }
  if (sniffed === "avif") {
    if (metadata.format !== "heif") throw unsupportedFormat(metadata.format);
    if (metadata.compression && metadata.compression !== "av1") throw unsupportedFormat("heic");
    return;
  }
  if (metadata.format !== sniffed) throw unsupportedFormat(metadata.format);
}

/** Width and height of the first frame once EXIF orientation is applied. */
function orientedSize(metadata: Metadata): { width: number; height: number } {
  // `autoOrient` is sharp ≥ 0.34; the fallback swaps sides for the transposing orientations 5–8.
  if (metadata.autoOrient) return metadata.autoOrient;
  const height = metadata.pageHeight ?? metadata.height;
  const swap = (metadata.orientation ?? 1) >= 5;
  return swap ? { width: height, height: metadata.width } : { width: metadata.width, height };
}

function assertSideLimit(width: number, height: number): void {
  if (Math.max(width, height) > LIMITS.maxInputSide) {
    throw new InputError(
      `The input image is ${width}×${height} px; the largest side allowed is ${LIMITS.maxInputSide} px`,
    );
  }
}

/**
 * Decodes the first frame into a tiny thumbnail to prove the data is readable; JPEG and WebP
 * shrink on load, so even large inputs cost little. A truncated or broken body fails here.
 */
async function proveDecodable(bytes: Buffer, width: number, height: number): Promise<void> {
  try {
    await sharp(bytes, { failOn: "error", pages: 1 })
      .resize(PROBE_SIDE, PROBE_SIDE, { fit: "inside" })
      .raw()
      .toBuffer();
  } catch (error) {
    // Headers can understate the size; libvips' own pixel cap then has the final word.
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new InputError(
        `The input image is ${width}×${height} px, more pixels than the engine can decode; the largest side allowed is ${LIMITS.maxInputSide} px`,
      );
    }
    throw corrupt();
  }
}
