"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import {
  type PlaygroundState,
  selectPredictedSize,
  selectPrice,
} from "@/lib/store/playground-store";
import { describeRunEstimate } from "./run-estimate-format";

const SIZE_NOTE = "fal does not publish its sizing rules; the real size comes with the result";

/** The estimate as a string, so the component re-renders only when the text changes. */
function selectEstimateText(state: PlaygroundState): string | null {
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

/** "Output 1392×752 · 2 images · ≈ $0.07", for the generate bar. */
export function RunEstimate() {
  const text = usePlaygroundStore(selectEstimateText);
  return (
    <output
      aria-live="polite"
      aria-label="Run estimate"
      title={text ? SIZE_NOTE : undefined}
      className="block text-xs text-neutral-700 tabular-nums sm:text-sm dark:text-neutral-300"
    >
      {text ?? "Add an image to see the output size and price"}
    </output>
  );
}
