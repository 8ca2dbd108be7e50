// The gallery's filter, apart from its selectors (`./gallery`): the history panel holds one from
// the first screen on, where the history is empty and the selectors are not loaded.

/** What the gallery shows. */
export interface GalleryFilter {
  /** Words the prompt must all contain, in any case and order; blank matches every run. */
  query: string;
  /** A LoRA path the run must have used; null for any. */
  lora: string | null;
  /** Only starred runs. */
  isFavouritesOnly: boolean;
}

/** The filter that shows every run. */
export const NO_FILTER: GalleryFilter = { query: "", lora: null, isFavouritesOnly: false };
