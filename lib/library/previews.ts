import type { LoraPreview } from "./types";

/** Previews keyed by their LoRA's path (the store's `previews`); a later one wins a path. */
export function previewsByPath(previews: readonly LoraPreview[]): Record<string, LoraPreview> {
  return Object.fromEntries(previews.map((preview) => [preview.path, preview]));
}
