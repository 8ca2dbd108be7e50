import { isHttpUrl } from "@/lib/domain/text";
import { type KontextOutput, kontextOutputSchema } from "@/lib/kontext/schema";

/**
 * Checks a result against the endpoint's output schema and refuses image URLs that are neither
 * http(s) nor `data:image/…` (they would end up in `<img src>` and download links). Throws an
 * Error with a reason (an `upstream` failure for the store).
 */
export function parseKontextOutput(data: unknown): KontextOutput {
  const parsed = kontextOutputSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".") || "output"}: ${issue.message}`)
      .join("; ");
    throw new Error(`The server sent a result this playground cannot read (${problems})`);
  }
  parsed.data.images.forEach((image, index) => {
    if (!isSafeImageUrl(image.url)) {
      const shown = image.url.length > 60 ? `${image.url.slice(0, 60)}…` : image.url;
      throw new Error(
        `The server sent image ${index + 1} with a URL that is neither http(s) nor a data:image URI (${shown})`,
      );
    }
  });
  return parsed.data;
}

function isSafeImageUrl(url: string): boolean {
  if (/^data:image\/[a-z0-9.+-]+[;,]/i.test(url)) return true;
  return isHttpUrl(url);
}
