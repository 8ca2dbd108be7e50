import { formatSettings, loraSummary } from "./describe";
import type { DecodeResult } from "./link";
import { isOmittedDataUri, type Recipe } from "./recipe";

/** What a shared page's `<head>` says: title, description and the Open Graph / Twitter card. */
export interface RecipeMetadata {
  title: string;
  description: string;
  openGraph?: {
    title: string;
    description: string;
    type: "article";
    images: { url: string; width: number; height: number }[];
  };
  twitter?: { card: "summary_large_image"; title: string; description: string; images: string[] };
}

/** The first output image a recipe can show (an http(s) URL, never the omitted marker). */
export function firstImage(recipe: Recipe): { url: string; width: number; height: number } | null {
  const images =
    recipe.kind === "run"
      ? (recipe.output?.images ?? [])
      : recipe.cells.flatMap((cell) => (cell.output ? [cell.output] : []));
  const image = images.find((candidate) => !isOmittedDataUri(candidate.url));
  return image ? { url: image.url, width: image.width, height: image.height } : null;
}

function clip(text: string, length: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/**
 * The metadata of a share page: a title from the prompt, a description of the LoRAs and
 * settings, and the first result as the preview image chat apps show. A broken link gets a
 * title that says so (and no image).
 */
export function recipeMetadata(decoded: DecodeResult): RecipeMetadata {
  if (!decoded.ok) {
    return {
      title: "This shared Kontext link does not work · Kontext Playground",
      description: decoded.message,
    };
  }
  const { recipe } = decoded;
  const request = recipe.kind === "run" ? recipe.request : recipe.cells[0]?.request;
  const prompt = request ? clip(request.prompt, 80) : "A sweep";
  const title =
    recipe.kind === "run"
      ? `“${prompt}” · Kontext Playground`
      : `Sweep of ${recipe.cells.length} edits: “${prompt}” · Kontext Playground`;
  const description = clip(
    request
      ? [loraSummary(request.loras), formatSettings(request)].filter(Boolean).join(" · ")
      : "A FLUX.1 Kontext [dev] edit",
    200,
  );
  const image = firstImage(recipe);
  if (!image) return { title, description };
  return {
    title,
    description,
    openGraph: { title, description, type: "article", images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image.url] },
  };
}
