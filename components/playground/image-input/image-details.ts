import { formatSize } from "@/components/ui/format";
import { formatBytes } from "@/lib/domain/text";
import type { InputImage } from "@/lib/store/types";

/** Where the input image came from and what is uploaded, in one short line. */
export function describeImageSource(
  image: Pick<InputImage, "source" | "originalBytes" | "uploadBytes" | "originalSize">,
): string {
  if (image.source === "url") return "From URL";
  if (image.source === "result") return "From a previous result";
  const { originalBytes, uploadBytes, originalSize } = image;
  if (originalSize && originalBytes !== null && uploadBytes !== null) {
    return `Original ${formatBytes(originalBytes)} → uploaded ${formatBytes(uploadBytes)} (downscaled from ${formatSize(originalSize)})`;
  }
  const bytes = uploadBytes ?? originalBytes;
  return bytes === null ? "" : formatBytes(bytes);
}
