import { formatBytes } from "@/lib/playground/image-file";
import type { InputImage } from "@/lib/store/types";

/** `1024×768 px`. */
export function formatPixelSize(size: { width: number; height: number }): string {
  return `${size.width}×${size.height} px`;
}

/** Where the input image came from and what is uploaded, in one short line. */
export function describeImageSource(
  image: Pick<InputImage, "source" | "originalBytes" | "uploadBytes" | "originalSize">,
): string {
  if (image.source === "url") return "From URL";
  if (image.source === "result") return "From a previous result";
  const { originalBytes, uploadBytes, originalSize } = image;
  if (originalSize && originalBytes !== null && uploadBytes !== null) {
    const from = `${originalSize.width}×${originalSize.height}`;
    return `Original ${formatBytes(originalBytes)} → uploaded ${formatBytes(uploadBytes)} (downscaled from ${from})`;
  }
  const bytes = uploadBytes ?? originalBytes;
  return bytes === null ? "" : formatBytes(bytes);
}
