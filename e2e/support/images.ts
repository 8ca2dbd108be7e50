import sharp from "sharp";

/** A two-colour test photo (orange left half, blue right half). */
export async function photo(
  width: number,
  height: number,
  format: "png" | "jpeg" = "png",
): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: "#3b82f6" } }).composite([
    {
      input: {
        create: { width: Math.floor(width / 2), height, channels: 3, background: "#f97316" },
      },
      left: 0,
      top: 0,
    },
  ]);
  return format === "jpeg" ? image.jpeg().toBuffer() : image.png().toBuffer();
}
