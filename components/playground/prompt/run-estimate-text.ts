import { selectPredictedSize, selectPrice } from "@/lib/store/estimate";
import type { PlaygroundState } from "@/lib/store/playground-store";
import { describeRunEstimate } from "./run-estimate-format";

/**
 * The generate bar's estimate as a string (so its component re-renders only when the text
 * changes), or null while the size is unknown. With the output-size and pricing rules it needs,
 * it loads with the first image (or a fixed size), or when the browser is idle: see `RunEstimate`.
 */
export function selectEstimateText(state: PlaygroundState): string | null {
  try {
    const size = selectPredictedSize(state);
    if (!size) return null;
    let price: ReturnType<typeof selectPrice> = null;
    try {
      price = selectPrice(state);
    } catch {
      // An invalid image count (the run check reports it): show the size without a price.
    }
    return describeRunEstimate(size, state.settings.num_images, price);
  } catch {
    return null;
  }
}
