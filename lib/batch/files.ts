import { MAX_IMAGE_FILE_BYTES } from "@/lib/domain/image-types";
import { formatBytes, formatCount } from "@/lib/domain/text";
import { MAX_BATCH_ITEMS } from "./list";

/**
 * Screening the files dropped for a batch, before anything is decoded or uploaded: the type is
 * sniffed from the bytes (a `.jpg` that is really a PDF is refused, a PNG named `.bin` is kept),
 * files over the size limit and empty ones are refused, and a file with the same bytes as one
 * before it (SHA-256, through `crypto.subtle`) is a duplicate. Refused files are listed with the
 * reason and left out; the rest go on.
 */

/** Image types a batch takes, as sniffed from the first bytes. */
export type ImageType = "image/jpeg" | "image/png" | "image/webp" | "image/gif" | "image/avif";

/** A file to screen: its name (for messages and output names) and its bytes. */
export interface CandidateFile {
  name: string;
  blob: Blob;
}

/** A file that passed: its bytes, sniffed type and content hash. */
export interface ScreenedFile {
  name: string;
  blob: Blob;
  type: ImageType;
  /** SHA-256 of the bytes, lower-case hex: the key the input is stored and de-duplicated by. */
  hash: string;
  bytes: number;
}

/** A file left out, and why (`not an image (…)`, `60.0 MB; the limit is 50.0 MB` …). */
export interface RefusedFile {
  name: string;
  reason: string;
}

export interface ScreenResult {
  accepted: ScreenedFile[];
  refused: RefusedFile[];
}

export interface ScreenOptions {
  /** Largest file accepted, in bytes; {@link MAX_IMAGE_FILE_BYTES} (50 MB) by default. */
  maxBytes?: number;
  /** Most files accepted (what is left of the batch); {@link MAX_BATCH_ITEMS} by default. */
  max?: number;
  /** Hashes already in the batch, by the name they came with: those bytes are duplicates. */
  known?: ReadonlyMap<string, string>;
}

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));

/**
 * The image type of `bytes` from its signature (JPEG, PNG, WebP, GIF, AVIF), or null. Sixteen
 * bytes are enough for all but AVIF, whose `ftyp` box may list its brand later (read 64).
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (
    bytes.length >= 8 &&
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((value, i) => bytes[i] === value)
  ) {
    return "image/png";
  }
  const gif = ascii(bytes, 0, 6);
  if (gif === "GIF87a" || gif === "GIF89a") return "image/gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "image/webp";
  if (ascii(bytes, 4, 8) === "ftyp") {
    // The major brand, then the compatible brands (skipping the minor version at 12–16).
    for (let at = 8; at + 4 <= Math.min(bytes.length, 64); at += 4) {
      const brand = ascii(bytes, at, at + 4);
      if (brand === "avif" || brand === "avis") return "image/avif";
    }
  }
  return null;
}

/** The SHA-256 of `data`, lower-case hex (Web Crypto: browsers and Node alike). */
export async function sha256Hex(data: Blob | Uint8Array): Promise<string> {
  const buffer = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
  const digest = await crypto.subtle.digest("SHA-256", buffer as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Screens `files` in order (see the module comment). Reads one file at a time, so memory holds
 * one file's bytes however many are dropped. Never throws for a bad file: an unreadable one is
 * refused with the reason.
 */
export async function screenFiles(
  files: readonly CandidateFile[],
  options: ScreenOptions = {},
): Promise<ScreenResult> {
  const maxBytes = options.maxBytes ?? MAX_IMAGE_FILE_BYTES;
  const max = options.max ?? MAX_BATCH_ITEMS;
  const seen = new Map<string, string>(options.known ?? []);
  const accepted: ScreenedFile[] = [];
  const refused: RefusedFile[] = [];
  for (const { name, blob } of files) {
    const refuse = (reason: string) => refused.push({ name, reason });
    if (blob.size === 0) {
      refuse("empty (0 bytes)");
      continue;
    }
    if (blob.size > maxBytes) {
      refuse(`${formatBytes(blob.size)}; the limit is ${formatBytes(maxBytes)}`);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await blob.arrayBuffer());
    } catch {
      refuse("could not be read");
      continue;
    }
    const type = sniffImageType(bytes.subarray(0, 64));
    if (!type) {
      refuse("not an image (JPEG, PNG, WebP, GIF or AVIF)");
      continue;
    }
    const hash = await sha256Hex(bytes);
    const twin = seen.get(hash);
    if (twin !== undefined) {
      refuse(`the same image as ${twin}`);
      continue;
    }
    if (accepted.length >= max) {
      refuse(`over the ${formatCount(MAX_BATCH_ITEMS)}-image limit`);
      continue;
    }
    seen.set(hash, name);
    const typed =
      blob.type === type ? blob : new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
    accepted.push({ name, blob: typed, type, hash, bytes: blob.size });
  }
  return { accepted, refused };
}

/** `chair.pdf: not an image (…)`: a refused file as one line for people. */
export function describeRefused(refused: RefusedFile): string {
  return `${refused.name}: ${refused.reason}`;
}
