/**
 * What the Hub detail view's buttons do, on the playground's store (its public actions only):
 * keep the LoRA in the library, add it to the stack, set up a scale sweep of it.
 */
import { libraryInputFromHub } from "@/lib/hub/library-entry";
import type { HubModelDetails } from "@/lib/hub/types";
import { selectLibraryLora } from "@/lib/store/library-selectors";
import type { PlaygroundStore } from "@/lib/store/playground-store";
import { hubImageRoute, previewImageOf } from "./hub-api";
import { TRY_SCALES } from "./hub-format";

/** An action's outcome: done (with what to say), or why not. */
export type HubActionResult =
  | { ok: true; message: string; path: string; loraId?: string }
  | { ok: false; message: string };

type Kept =
  | { ok: true; path: string; name: string; isNew: boolean }
  | { ok: false; message: string };

/**
 * Saves the LoRA (weight file `file`) to the library unless its file is there already (saved or
 * curated): the stack names LoRAs and offers their triggers from the library.
 */
async function keepInLibrary(
  store: PlaygroundStore,
  details: HubModelDetails,
  file: string,
): Promise<Kept> {
  const input = libraryInputFromHub(details, file);
  if (!input.ok) return input;
  const { path } = input.value;
  const known = selectLibraryLora(path)(store.getState());
  if (known) return { ok: true, path, name: known.name, isNew: false };
  const saved = await store.getState().saveUserLora(input.value);
  if (!saved.ok) {
    const message = saved.message ?? Object.values(saved.errors).join("; ");
    return { ok: false, message: message || "The LoRA could not be saved to the library" };
  }
  return { ok: true, path, name: saved.lora.name, isNew: true };
}

/**
 * Gives the LoRA at `path` a preview from the card's first example image (read through the
 * server's image route) unless it has one. Returns a sentence to add to what was said, or "".
 */
async function keepCardPreview(
  store: PlaygroundStore,
  details: HubModelDetails,
  path: string,
): Promise<string> {
  if (store.getState().previews[path]) return "";
  const image = previewImageOf(details);
  if (!image) return " The card has no image for a preview.";
  const pinned = await store.getState().pinCardPreview(path, hubImageRoute(image), image);
  return pinned.ok ? " Its preview is the card's image." : ` No preview: ${pinned.message}.`;
}

/**
 * "Add to library": saves it with its trigger, licence, source and a preview from the card;
 * says if it was there.
 */
export async function addHubLoraToLibrary(
  store: PlaygroundStore,
  details: HubModelDetails,
  file: string,
): Promise<HubActionResult> {
  const kept = await keepInLibrary(store, details, file);
  if (!kept.ok) return kept;
  const preview = await keepCardPreview(store, details, kept.path);
  return {
    ok: true,
    path: kept.path,
    message: kept.isNew
      ? `Saved to your library as “${kept.name}”.${preview}`
      : `Already in your library, as “${kept.name}”.${preview}`,
  };
}

/** "Add to stack": a new row at scale 1 (kept in the library too), the trigger if wanted. */
export async function addHubLoraToStack(
  store: PlaygroundStore,
  details: HubModelDetails,
  file: string,
  withTrigger: boolean,
): Promise<HubActionResult> {
  const kept = await keepInLibrary(store, details, file);
  if (!kept.ok) return kept;
  void keepCardPreview(store, details, kept.path);
  const trigger = details.trigger?.text ?? "";
  const loraId = store
    .getState()
    .addLibraryLora({ path: kept.path, scale: 1, name: kept.name, trigger }, withTrigger);
  return { ok: true, path: kept.path, loraId, message: `Added “${kept.name}” to the stack.` };
}

/**
 * "Try on my image": the LoRA in the stack (added when absent) and the Sweep panel's form set to
 * one axis, its scale at 0, 0.5, 1 and 1.5, on the current image; nothing is run.
 */
export async function tryHubLora(
  store: PlaygroundStore,
  details: HubModelDetails,
  file: string,
): Promise<HubActionResult> {
  const kept = await keepInLibrary(store, details, file);
  if (!kept.ok) return kept;
  void keepCardPreview(store, details, kept.path);
  const state = store.getState();
  const inStack = state.loras.find((lora) => lora.path.trim() === kept.path);
  if (!inStack) state.addLora({ path: kept.path, scale: 1 });
  else if (!inStack.isEnabled) state.toggleLora(inStack.id);
  state.setSweepForm([
    { kind: "lora_scale", text: TRY_SCALES, target: { kind: "stack", path: kept.path } },
  ]);
  return {
    ok: true,
    path: kept.path,
    message: `A sweep of “${kept.name}” at ${TRY_SCALES} is ready in the Sweep panel.`,
  };
}
