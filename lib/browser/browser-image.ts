import { checkImageFile, checkImageSize, planDownscale } from "@/lib/domain/image-file";
import type { Size } from "@/lib/kontext/resolution";
import type { PreparedFile } from "@/lib/store/types";

const JPEG_QUALITY = 0.92;
const WEBP_QUALITY = 0.95;
/** How long {@link probeImageUrl} waits for an image URL to load. */
export const PROBE_TIMEOUT_MS = 20_000;

/**
 * Reads a chosen file in the browser: refuses unsupported, empty, oversized and unreadable
 * files and sides over 14,142 px with a reason, reads the size after EXIF orientation, and —
 * when `downscale` is on and {@link planDownscale} finds a safe size — redraws the photo at that
 * size (orientation applied to the pixels): JPEG input as JPEG, anything else as WebP where the
 * browser can encode it, else PNG. When the redrawn file is not smaller than the chosen one, the
 * chosen file is uploaded as it is (with its own size).
 */
export async function prepareImageFile(
  file: File,
  options: { downscale: boolean },
): Promise<PreparedFile> {
  const refused = checkImageFile(file);
  if (refused) throw new Error(refused);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    throw new Error(`${file.name} could not be read as an image; the file may be corrupt`);
  }
  try {
    const size = { width: bitmap.width, height: bitmap.height };
    const tooLarge = checkImageSize(size);
    if (tooLarge) throw new Error(tooLarge);
    const asChosen: PreparedFile = { file, ...size, originalBytes: file.size, originalSize: null };
    const plan = options.downscale ? planDownscale(size) : null;
    if (!plan) return asChosen;
    const isJpeg = file.type === "image/jpeg" || (!file.type && /\.jpe?g$/i.test(file.name));
    const blob = await encode(bitmap, plan, isJpeg);
    // Redrawing can make a small, well-compressed file bigger: then the original is sent.
    if (blob.size >= file.size) return asChosen;
    const extension = EXTENSIONS[blob.type] ?? "png";
    const name = `${file.name.replace(/\.[^.]+$/, "") || "image"}-${plan.width}x${plan.height}.${extension}`;
    return {
      file: new File([blob], name, { type: blob.type }),
      ...plan,
      originalBytes: file.size,
      originalSize: size,
    };
  } finally {
    bitmap.close();
  }
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/png": "png",
};

/**
 * Redraws at `size`: as JPEG when the input is JPEG, else as WebP when the browser encodes it
 * (a browser that cannot falls back to PNG silently — the blob's `type` tells), else PNG.
 */
async function encode(bitmap: ImageBitmap, size: Size, isJpeg: boolean): Promise<Blob> {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot resize images; turn off downscaling");
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  if (isJpeg) return canvas.convertToBlob({ type: "image/jpeg", quality: JPEG_QUALITY });
  const webp = await canvas.convertToBlob({ type: "image/webp", quality: WEBP_QUALITY });
  if (webp.type === "image/webp") return webp;
  return webp.type === "image/png" ? webp : canvas.convertToBlob({ type: "image/png" });
}

/** Whether a URL's path names an SVG file (`.svg`, `.svgz`). */
function isSvgUrl(url: string): boolean {
  try {
    return /\.svgz?$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

const SVG_REFUSED =
  "SVG images cannot be edited; use a JPEG, PNG, WebP, GIF or AVIF image (export the SVG to PNG)";

/**
 * Loads an image URL in the browser to learn its size; fails with a reason when it cannot: SVG
 * (by extension, or an image that reports 0×0 px as SVGs without a size do), sides over the
 * limit, a load error, or no answer within {@link PROBE_TIMEOUT_MS}.
 */
export function probeImageUrl(url: string): Promise<Size> {
  if (isSvgUrl(url)) return Promise.reject(new Error(SVG_REFUSED));
  return new Promise((resolve, reject) => {
    const image = new Image();
    const settle = (outcome: { size: Size } | { error: Error }) => {
      clearTimeout(timer);
      image.onload = null;
      image.onerror = null;
      // Stops a download still in progress.
      image.src = "";
      if ("size" in outcome) resolve(outcome.size);
      else reject(outcome.error);
    };
    const timer = setTimeout(
      () =>
        settle({
          error: new Error(
            `The image at that URL did not load within ${PROBE_TIMEOUT_MS / 1000} s; try again or upload the file`,
          ),
        }),
      PROBE_TIMEOUT_MS,
    );
    image.onload = () => {
      const size = { width: image.naturalWidth, height: image.naturalHeight };
      if (size.width < 1 || size.height < 1) return settle({ error: new Error(SVG_REFUSED) });
      const tooLarge = checkImageSize(size);
      settle(tooLarge ? { error: new Error(tooLarge) } : { size });
    };
    image.onerror = () =>
      settle({
        error: new Error(
          "The image at that URL could not be loaded; check that it is public and an image",
        ),
      });
    image.src = url;
  });
}

/** The long side of an input thumbnail, in CSS pixels (enough for a 2× display at 96 px). */
export const THUMBNAIL_MAX_SIDE = 192;
const THUMBNAIL_QUALITY = 0.8;

/**
 * A small JPEG data URL of an image — a Blob, or a URL that is fetched first — at most
 * {@link THUMBNAIL_MAX_SIDE} px on its long side (EXIF orientation applied). Resolves null when
 * the image cannot be fetched, decoded or drawn; never rejects.
 */
export async function makeImageThumbnail(source: Blob | string): Promise<string | null> {
  let bitmap: ImageBitmap | null = null;
  try {
    const blob = typeof source === "string" ? await fetchImage(source) : source;
    if (!blob) return null;
    bitmap = await createImageBitmap(blob, { imageOrientation: "from-image" });
    if (bitmap.width < 1 || bitmap.height < 1) return null;
    const scale = Math.min(1, THUMBNAIL_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d");
    if (!context) return null;
    // JPEG has no alpha: a transparent image gets a white background rather than black.
    context.fillStyle = "#fff";
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, 0, 0, width, height);
    const jpeg = await canvas.convertToBlob({ type: "image/jpeg", quality: THUMBNAIL_QUALITY });
    return await blobToDataUrl(jpeg);
  } catch {
    return null;
  } finally {
    bitmap?.close();
  }
}

/** How long fetching an image to cache or thumbnail may take. */
export const FETCH_IMAGE_TIMEOUT_MS = 60_000;

/**
 * The image at `url` as a Blob, or null when it cannot be fetched (network, CORS, an HTTP error,
 * not an image, timeout). Never rejects.
 */
export async function fetchImage(url: string): Promise<Blob | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_IMAGE_TIMEOUT_MS) });
    if (!response.ok) return null;
    const blob = await response.blob();
    return blob.type.startsWith("image/") || /^data:image\//i.test(url) ? blob : null;
  } catch {
    return null;
  }
}

function blobToDataUrl(blob: Blob): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : null);
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(blob);
  });
}

/**
 * Starts fetching and decoding a result image as soon as its URL is known, at high priority and
 * off the main thread, so the `<img>` that shows it a moment later finds it in the browser's
 * memory cache already decoded. Resolves when it is decoded, or failed (the `<img>` then shows
 * its own error); never rejects. A no-op outside the browser.
 */
export function preloadImage(url: string): Promise<void> {
  if (typeof Image === "undefined") return Promise.resolve();
  const image = new Image();
  image.fetchPriority = "high";
  image.decoding = "async";
  image.src = url;
  return image.decode().catch(() => undefined);
}
