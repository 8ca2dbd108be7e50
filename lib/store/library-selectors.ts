import { findKnownLora } from "@/lib/kontext/known-loras";
import type { LibraryLora } from "./outcomes";
import type { LibrarySlice } from "./state";

// Apart from the library slice, so the curated list (KNOWN_LORAS) loads with the components that
// recognise a LoRA (its row, a result's pin, the Hub), not with the first screen.

/** The library's LoRA at `path` (a saved one first, then a curated one), or undefined. */
export function selectLibraryLora(path: string) {
  return (state: Pick<LibrarySlice, "userLoras">): LibraryLora | undefined => {
    const saved = state.userLoras.find((lora) => lora.path === path);
    if (saved)
      return { source: "saved", name: saved.name, trigger: saved.trigger, scale: saved.scale };
    const known = findKnownLora(path);
    return known
      ? { source: "curated", name: known.name, trigger: known.trigger, scale: known.scale }
      : undefined;
  };
}
