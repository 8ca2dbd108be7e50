"use client";

import { useEffect, useState } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { preloadWhenIdle } from "@/components/ui/preload";
import { loadOnce } from "@/lib/domain/load-once";
import { isAspectRatioMode } from "@/lib/kontext/endpoint";
import type { PlaygroundState } from "@/lib/store/playground-store";

const SIZE_NOTE = "fal does not publish its sizing rules; the real size comes with the result";
const NO_IMAGE = "Add an image to see the output size and price";

type SelectText = (state: PlaygroundState) => string | null;

/** The estimate's selector once its code (sizes and prices) has loaded. */
let loadedSelect: SelectText | null = null;
const loadSelect = loadOnce(() =>
  import("./run-estimate-text").then((m) => {
    loadedSelect = m.selectEstimateText;
    return m.selectEstimateText;
  }),
);
const notLoaded: SelectText = () => null;

/**
 * Whether the estimate can say something: an image is chosen, or the size is a fixed ratio (see
 * `selectPredictedSize`). Until then the line asks for an image, which needs none of its code.
 */
const selectHasEstimate = (state: PlaygroundState): boolean =>
  state.image !== null || isAspectRatioMode(state.settings.resolution_mode);

/**
 * "Output 1392×752 · 2 images · ≈ $0.07", for the generate bar. The rules it is worked out with
 * are not in the first screen's JavaScript: they load when the browser is idle, or at once when
 * there is something to estimate.
 */
export function RunEstimate() {
  const [select, setSelect] = useState<SelectText>(() => loadedSelect ?? notLoaded);
  const hasEstimate = usePlaygroundStore(selectHasEstimate);
  const isLoaded = select !== notLoaded;
  useEffect(() => {
    if (isLoaded) return;
    const load = () => loadSelect().then((loaded) => setSelect(() => loaded));
    if (!hasEstimate) return preloadWhenIdle(load);
    // A failed load shows no estimate; the next image tries again.
    void load().catch(() => {});
  }, [isLoaded, hasEstimate]);
  const text = usePlaygroundStore(select);
  return (
    <output
      aria-live="polite"
      aria-label="Run estimate"
      title={text ? SIZE_NOTE : undefined}
      className="block text-xs text-neutral-700 tabular-nums sm:text-sm dark:text-neutral-300"
    >
      {text ?? (hasEstimate && !isLoaded ? "" : NO_IMAGE)}
    </output>
  );
}
