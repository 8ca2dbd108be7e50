import type { Size } from "@/lib/kontext/resolution";
import type { PreparedFile } from "@/lib/store/types";
import { checkImageFile, checkImageSize, planDownscale } from "./image-file";

const JPEG_QUALITY = 0.92;

/**
 * Reads a chosen file in the browser: refuses unsupported, empty, oversized and unreadable
 * files and sides over 14,142 px with a reason, reads the size after EXIF orientation, and —
 * when `downscale` is on and {@link planDownscale} finds a safe size — redraws the photo at that
 * size (orientation applied to the pixels) as JPEG (for JPEG input) or PNG.
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
    const plan = options.downscale ? planDownscale(size) : null;
    if (!plan) return { file, ...size, originalBytes: file.size, originalSize: null };
    const blob = await redraw(
      bitmap,
      plan,
      file.type === "image/jpeg" ? "image/jpeg" : "image/png",
    );
    const extension = blob.type === "image/jpeg" ? "jpg" : "png";
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

async function redraw(bitmap: ImageBitmap, size: Size, type: string): Promise<Blob> {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot resize images; turn off downscaling");
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  return canvas.convertToBlob({ type, quality: JPEG_QUALITY });
}

/** Loads an image URL in the browser to learn its size; fails with a reason when it cannot. */
export function probeImageUrl(url: string): Promise<Size> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const size = { width: image.naturalWidth, height: image.naturalHeight };
      const tooLarge = checkImageSize(size);
      if (tooLarge) reject(new Error(tooLarge));
      else resolve(size);
    };
    image.onerror = () =>
      reject(
        new Error(
          "The image at that URL could not be loaded; check that it is public and an image",
        ),
      );
    image.src = url;
  });
}
