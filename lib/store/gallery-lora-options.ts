import { loraLabel } from "@/lib/kontext/known-loras";
import { memoizeOnRuns } from "./gallery";

// Apart from `./gallery`, whose selectors the first screen uses (run titles and numbers): the
// labels need the curated LoRAs (KNOWN_LORAS), which load with the gallery's toolbar instead.

/** One choice of the LoRA filter. */
export interface LoraOption {
  path: string;
  /** Its short name ({@link loraLabel}). */
  label: string;
  /** How many runs used it. */
  count: number;
}

/** Every LoRA path any run used, with its label and how many runs used it, sorted by label. */
export const selectLoraOptions = memoizeOnRuns(
  (runs): LoraOption[] => {
    const counts = new Map<string, number>();
    for (const run of runs) {
      for (const path of new Set(run.request.loras.map((lora) => lora.path))) {
        counts.set(path, (counts.get(path) ?? 0) + 1);
      }
    }
    return [...counts]
      .map(([path, count]) => ({ path, label: loraLabel(path), count }))
      .sort((a, b) => a.label.localeCompare(b.label, "en") || a.path.localeCompare(b.path, "en"));
  },
  (a, b) =>
    a.length === b.length &&
    a.every((option, index) => {
      const other = b[index];
      return other?.path === option.path && other.count === option.count;
    }),
);
