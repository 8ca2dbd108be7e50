import sharp from "sharp";

/** A test photo: a left half red and right half blue, so orientation and crops are checkable. */
export async function makePhoto(
  width: number,
  height: number,
  format: "png" | "jpeg" = "png",
  orientation?: number,
): Promise<Buffer> {
  const half = Math.max(1, Math.floor(width / 2));
  let image = sharp({ create: { width, height, channels: 3, background: "#1d4ed8" } }).composite([
    {
      input: { create: { width: half, height, channels: 3, background: "#dc2626" } },
      left: 0,
      top: 0,
    },
  ]);
  if (format === "jpeg") {
    image = image.jpeg({ quality: 90 });
    const bytes = await image.toBuffer();
    return orientation ? sharp(bytes).withMetadata({ orientation }).jpeg().toBuffer() : bytes;
  }
  return image.png().toBuffer();
}

/** The format named by a file's first bytes. */
export function magicFormat(bytes: Uint8Array): "png" | "jpeg" | "other" {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  return "other";
}
