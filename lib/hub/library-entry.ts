/**
 * Turning Hub details into a library entry ("Add to library"). Pure, isomorphic.
 */
import { checkUserLoraInput, LIBRARY_LIMITS, type UserLoraInput } from "@/lib/library/validation";
import type { HubModelDetails } from "./types";

/** The outcome of {@link libraryInputFromHub}. */
export type HubLibraryInput = { ok: true; value: UserLoraInput } | { ok: false; message: string };

/**
 * What "Add to library" saves for a Hub LoRA: its repository name as the name, the weight file's
 * URL as the path (`file`, else the chosen one), the card's trigger (empty when there is none),
 * scale 1, notes naming the source page and the licence, and the tag `hugging face`. Checked
 * with the library's own rules; a refused or missing file gives the reason instead.
 */
export function libraryInputFromHub(details: HubModelDetails, file?: string): HubLibraryInput {
  const path = file ?? details.weights.chosen;
  const weight = details.weights.files.find((candidate) => candidate.path === path);
  if (!path || !weight) return { ok: false, message: details.weights.reason };
  if (weight.refusal) return { ok: false, message: weight.refusal };
  const licence = details.licence ? (details.licence.name ?? details.licence.id) : "not stated";
  const notes = [
    `From ${details.pageUrl}`,
    `Licence: ${licence}`,
    details.baseModel.severity === "ok" ? null : details.baseModel.message,
  ]
    .filter(Boolean)
    .join("\n")
    .slice(0, LIBRARY_LIMITS.maxNotesChars);
  const name = (details.id.split("/")[1] ?? details.id).slice(0, LIBRARY_LIMITS.maxNameChars);
  const checked = checkUserLoraInput({
    name,
    path: weight.url,
    trigger: details.trigger?.text ?? "",
    scale: 1,
    notes,
    tags: ["hugging face"],
  });
  if (!checked.ok) return { ok: false, message: Object.values(checked.errors).join("; ") };
  return { ok: true, value: checked.value };
}
