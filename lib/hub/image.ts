import "server-only";
import type { HubConfig } from "./config";
import { HubError } from "./errors";
import { createGuardedFetch } from "./guarded-fetch";
import { parseHubReference } from "./reference";
import { hubFileUrl, isImageFile } from "./urls";

/** The largest card image the image route passes on (6 MiB). */
export const MAX_HUB_IMAGE_BYTES = 6 * 1024 * 1024;

/** The image types the route passes on, found by their bytes (never by a name or a header). */
export type HubImageType = "image/png" | "image/jpeg" | "image/webp" | "image/gif";

/** A card image read from the Hub: its bytes and sniffed type. */
export interface HubImage {
  bytes: Uint8Array<ArrayBuffer>;
  type: HubImageType;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte);

/** The type of an image by its first bytes: PNG, JPEG, WebP or GIF; anything else → null. */
export function sniffImageType(bytes: Uint8Array): HubImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38, 0x37, 0x61])) return "image/gif";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38, 0x39, 0x61])) return "image/gif";
  return null;
}

/**
 * Checks that `raw` is an image file of a model repository on the configured Hub:
 * `<origin>/<owner>/<name>/resolve/<revision>/<path>` with a valid repo id and revision, a path
 * without `.`/`..` segments ending in an image extension, and no credentials, query or fragment.
 * Returns the canonical URL to fetch, or throws a `bad_reference` {@link HubError}.
 */
export function hubImageUrl(raw: string, origin: string): string {
  const refuse = (why: string) => new HubError("bad_reference", `Not a Hub card image: ${why}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse("not a URL");
  }
  if (url.origin !== origin) throw refuse(`only ${new URL(origin).host} is read`);
  if (url.username || url.password || url.search || url.hash) {
    throw refuse("no credentials, query or fragment allowed");
  }
  if (url.pathname.split("/")[3] !== "resolve") throw refuse("expected …/resolve/<rev>/<file>");
  const parsed = parseHubReference(url.toString(), [url.host]);
  if (!parsed.ok) throw refuse(parsed.message);
  const { repoId, revision, file } = parsed.ref;
  if (!revision || !file || !isImageFile(file)) throw refuse("the file is not an image");
  return hubFileUrl(origin, repoId, revision, file);
}

/**
 * Reads one card image from the Hub through the guarded fetch (this host only, redirects on it
 * only, `config.timeoutMs`, at most {@link MAX_HUB_IMAGE_BYTES}); refuses what is not a PNG,
 * JPEG, WebP or GIF by its bytes (`bad_answer`).
 */
export async function fetchHubImage(
  url: string,
  config: HubConfig,
  baseFetch: typeof fetch,
): Promise<HubImage> {
  const guarded = createGuardedFetch(
    config,
    { what: "the card image", maxBytes: MAX_HUB_IMAGE_BYTES },
    baseFetch,
  );
  const response = await guarded(url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = sniffImageType(bytes);
  if (!type) {
    throw new HubError("bad_answer", "The card image is not a PNG, JPEG, WebP or GIF image");
  }
  return { bytes, type };
}
