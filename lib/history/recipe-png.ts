import { errorMessage } from "@/lib/domain/app-error";
import { isDataUri } from "@/lib/domain/text";
import type { KontextOutput, KontextRequest } from "@/lib/kontext/schema";
import { embedPngText, isPng, readPngText } from "./png-metadata";
import {
  checkDocumentHeader,
  parseJson,
  parseRunFields,
  SIDECAR_FORMAT,
  type SidecarRun,
  toSidecarRun,
} from "./sidecar";
import { HISTORY_VERSION, type HistoryRun } from "./types";

/**
 * The settings a downloaded PNG carries: the run's sidecar without its image list, stored as an
 * `iTXt` chunk (see `png-metadata.ts`), so dropping the PNG back on the playground restores the
 * request. Data URIs are left out to keep the chunk small; `note` then says what was dropped.
 */

/** A request as a recipe carries it: `image_url` is absent when it was a data URI. */
export type RecipeRequest = Omit<KontextRequest, "image_url"> & { image_url?: string };

/** The JSON stored in the PNG. */
export interface RecipeDocument {
  format: typeof SIDECAR_FORMAT;
  version: number;
  run: Omit<SidecarRun, "request"> & { request: RecipeRequest };
  /** What was left out, for people. */
  note?: string;
}

/** Result of {@link readRecipe}; never throws. */
export type ReadRecipeResult =
  | { ok: true; request: RecipeRequest; response?: KontextOutput; note?: string }
  | { ok: false; message: string };

/** Message when a PNG has no recipe chunk. */
export const NO_RECIPE_MESSAGE = "This PNG carries no Kontext Playground settings";

const INPUT_NOTE =
  "The input image was a data URI and is not stored in this PNG; choose the input image again.";
const OUTPUT_NOTE = "Output images that were data URIs are not stored (their url is empty).";

/** The recipe document of `run`: its sidecar without images, data URIs removed. */
export function toRecipe(run: HistoryRun): RecipeDocument {
  const fields = toSidecarRun(run);
  const notes: string[] = [];
  const { image_url, ...rest } = fields.request;
  const request: RecipeRequest = isDataUri(image_url) ? rest : fields.request;
  if (isDataUri(image_url)) notes.push(INPUT_NOTE);
  let response = fields.response;
  if (response?.images.some((image) => isDataUri(image.url))) {
    notes.push(OUTPUT_NOTE);
    response = {
      ...response,
      images: response.images.map((image) =>
        isDataUri(image.url) ? { ...image, url: "" } : image,
      ),
    };
  }
  return {
    format: SIDECAR_FORMAT,
    version: HISTORY_VERSION,
    run: { ...fields, request, response },
    ...(notes.length > 0 ? { note: notes.join(" ") } : {}),
  };
}

/**
 * Returns a copy of `png` carrying `run`'s settings (replacing settings it already carried);
 * the pixels are untouched. Throws for a file that is not a PNG or is corrupt.
 */
export function embedRecipe(png: Uint8Array, run: HistoryRun): Uint8Array {
  return embedPngText(png, JSON.stringify(toRecipe(run)));
}

/**
 * Reads the settings a PNG carries. Refuses, with a message for people, a file that is not a
 * PNG, a truncated or corrupt PNG, a PNG without settings, settings written by a newer version
 * and settings with invalid fields.
 */
export function readRecipe(png: Uint8Array): ReadRecipeResult {
  if (!isPng(png)) return { ok: false, message: "Not a PNG file" };
  let text: string | null;
  try {
    text = readPngText(png);
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
  if (text === null) return { ok: false, message: NO_RECIPE_MESSAGE };
  const json = parseJson(text);
  if (!json) {
    return {
      ok: false,
      message: "The Kontext Playground settings in this PNG are corrupt (not valid JSON)",
    };
  }
  const headerProblem = checkDocumentHeader(json.value, SIDECAR_FORMAT, "run", HISTORY_VERSION);
  if (headerProblem) return { ok: false, message: headerProblem };
  const document = json.value as { run?: unknown; note?: unknown };
  const run = parseRunFields(document.run, { imageUrlOptional: true });
  if (!run.ok) return run;
  return {
    ok: true,
    request: run.run.request,
    ...(run.run.response ? { response: run.run.response } : {}),
    ...(typeof document.note === "string" ? { note: document.note } : {}),
  };
}
