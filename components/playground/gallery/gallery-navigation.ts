"use client";

import { useMemo } from "react";
import { flushSync } from "react-dom";
import { usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { focusAfterRender } from "@/components/ui/focus";
import { isFiltering } from "@/lib/store/gallery";
import { GALLERY_SEARCH_ID, useGalleryPlace } from "./gallery-context";
import { selectShownItems } from "./gallery-shown";

/**
 * Moving around the gallery. Stable for the panel's lifetime, so run cards can use it without
 * re-rendering when the filter changes.
 */
export interface GalleryNavigation {
  /**
   * Brings a run's card into view and focuses its heading, even when the card is not rendered
   * (the list is virtualised) or is hidden by the filters (they are cleared then). The run takes
   * the stage too.
   */
  revealRun: (runId: string) => void;
  /**
   * The run focus should go to once `runId` leaves the list: the one shown after it, else the
   * one before it; null when it is the only one shown.
   */
  neighbourOf: (runId: string) => string | null;
  /** Focuses the gallery's search box (or, without one, the page's title). */
  focusSearch: () => void;
}

/**
 * Moving around the gallery; only inside `ResultsPanel`. Its code loads with the run cards and
 * the undo notice that use it, not with the first screen's empty history.
 */
export function useGalleryNavigation(): GalleryNavigation {
  const { listRef, filterRef, showEveryRun } = useGalleryPlace();
  const store = usePlaygroundStoreApi();
  return useMemo<GalleryNavigation>(
    () => ({
      revealRun: (runId) => {
        // Render what the store just changed (a run brought back by Undo), then go to the run;
        // when the filters hide it, show every run first.
        const exists = store.getState().runs.some((run) => run.id === runId);
        if (exists) store.getState().stageRun(runId);
        flushSync(() => {});
        if (listRef.current?.scrollToRun(runId)) return;
        if (!exists || !isFiltering(filterRef.current)) return;
        flushSync(showEveryRun);
        listRef.current?.scrollToRun(runId);
      },
      neighbourOf: (runId) => {
        const ids = selectShownItems(filterRef.current)(store.getState());
        const index = ids.indexOf(runId);
        return index < 0 ? null : (ids[index + 1] ?? ids[index - 1] ?? null);
      },
      focusSearch: () => focusAfterRender([GALLERY_SEARCH_ID, "page-title"]),
    }),
    [listRef, filterRef, showEveryRun, store],
  );
}
