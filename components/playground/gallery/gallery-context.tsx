"use client";

import { createContext, type RefObject, useContext } from "react";
import type { GalleryFilter } from "@/lib/store/gallery-filter";

/** The gallery's filter, shared by its toolbar and its list. */
export interface GalleryFilterState {
  filter: GalleryFilter;
  setFilter: (patch: Partial<GalleryFilter>) => void;
  clearFilters: () => void;
}

/** What the history's list offers the panel. */
export interface GalleryListHandle {
  /** Scrolls to a run and focuses its heading; false when the list does not show that run. */
  scrollToRun: (runId: string) => boolean;
}

/**
 * What moving around the gallery works with (see `useGalleryNavigation`, whose code loads with
 * the run cards and the undo notice that use it). Stable for the panel's lifetime.
 */
export interface GalleryPlace {
  /** The history's list, to scroll to a run (null while it is not shown). */
  listRef: RefObject<GalleryListHandle | null>;
  /** The filter as of the last render, for handlers called after renders. */
  filterRef: RefObject<GalleryFilter>;
  /** Clears the filters (shows every run). */
  showEveryRun: () => void;
}

/** The id of the gallery's search box. */
export const GALLERY_SEARCH_ID = "gallery-search";

const FilterContext = createContext<GalleryFilterState | null>(null);
const PlaceContext = createContext<GalleryPlace | null>(null);

export const GalleryFilterProvider = FilterContext.Provider;
export const GalleryPlaceProvider = PlaceContext.Provider;

/** The gallery's filter; only inside `ResultsPanel`. */
export function useGalleryFilter(): GalleryFilterState {
  const state = useContext(FilterContext);
  if (!state) throw new Error("useGalleryFilter must be used inside <ResultsPanel>");
  return state;
}

/** What moving around the gallery works with; only inside `ResultsPanel`. */
export function useGalleryPlace(): GalleryPlace {
  const place = useContext(PlaceContext);
  if (!place) throw new Error("The gallery's navigation must be used inside <ResultsProviders>");
  return place;
}
