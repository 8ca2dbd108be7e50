"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { type GalleryFilter, selectGalleryRunIds } from "@/lib/store/gallery";
import { useGalleryFilter } from "./gallery-context";

type ShownItemsSelector = ReturnType<typeof selectGalleryRunIds>;

// One selector per filter object, so the toolbar, the list and the navigation share its memo.
const shownItemsSelectors = new WeakMap<GalleryFilter, ShownItemsSelector>();

/** What `filter` shows, newest first (see `selectGalleryRunIds`). */
export function selectShownItems(filter: GalleryFilter): ShownItemsSelector {
  let select = shownItemsSelectors.get(filter);
  if (!select) {
    select = selectGalleryRunIds(filter);
    shownItemsSelectors.set(filter, select);
  }
  return select;
}

/** What the gallery's filter shows, newest first; only inside `ResultsPanel`. */
export function useShownItems(): string[] {
  const { filter } = useGalleryFilter();
  return usePlaygroundStore(selectShownItems(filter));
}
