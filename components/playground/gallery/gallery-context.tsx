"use client";

import { createContext, useContext } from "react";
import type { GalleryFilter } from "@/lib/store/gallery";

/** The gallery's filter, shared by its toolbar and its list. */
export interface GalleryFilterState {
  filter: GalleryFilter;
  setFilter: (patch: Partial<GalleryFilter>) => void;
  clearFilters: () => void;
}

/**
 * Moving around the gallery. Stable for the panel's lifetime, so run cards can use it without
 * re-rendering when the filter changes.
 */
export interface GalleryNavigation {
  /**
   * Brings a run's card into view and focuses its heading, even when the card is not rendered
   * (the list is virtualised) or is hidden by the filters (they are cleared then).
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

/** The id of the gallery's search box. */
export const GALLERY_SEARCH_ID = "gallery-search";

const FilterContext = createContext<GalleryFilterState | null>(null);
const NavigationContext = createContext<GalleryNavigation | null>(null);

export const GalleryFilterProvider = FilterContext.Provider;
export const GalleryNavigationProvider = NavigationContext.Provider;

/** The gallery's filter; only inside `ResultsPanel`. */
export function useGalleryFilter(): GalleryFilterState {
  const state = useContext(FilterContext);
  if (!state) throw new Error("useGalleryFilter must be used inside <ResultsPanel>");
  return state;
}

/** Moving around the gallery; only inside `ResultsPanel`. */
export function useGalleryNavigation(): GalleryNavigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error("useGalleryNavigation must be used inside <ResultsPanel>");
  return navigation;
}
