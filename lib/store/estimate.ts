import { hasPixels } from "@/lib/domain/form";
import { isAspectRatioMode } from "@/lib/kontext/endpoint";
import { estimatePrice, type PriceEstimate } from "@/lib/kontext/pricing";
import { outputSize, type Size } from "@/lib/kontext/resolution";
import type { PlaygroundState } from "./state";

/**
 * The output size the next run will have, or null until an image with a usable size is chosen
 * (a fixed ratio needs none).
 */
export function selectPredictedSize(state: PlaygroundState): Size | null {
  const mode = state.settings.resolution_mode;
  if (isAspectRatioMode(mode)) return outputSize(mode, { width: 1, height: 1 });
  return state.image && hasPixels(state.image) ? outputSize(mode, state.image) : null;
}

/** The estimated price of the next run, or null while the size is unknown. */
export function selectPrice(state: PlaygroundState): PriceEstimate | null {
  const size = selectPredictedSize(state);
  return size ? estimatePrice(size, state.settings.num_images) : null;
}
