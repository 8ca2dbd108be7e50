"use client";

import { useMemo } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { SearchIcon, StarIcon } from "@/components/ui/action-icons";
import { INPUT_CLASS } from "@/components/ui/field";
import { loraLabel } from "@/lib/kontext/known-loras";
import {
  countGalleryItems,
  isFiltering,
  selectAllGalleryItems,
  selectHiddenActiveRunCount,
} from "@/lib/store/gallery";
import { type LoraOption, selectLoraOptions } from "@/lib/store/gallery-lora-options";
import { GalleryClearAll } from "./gallery-clear-all";
import { GALLERY_SEARCH_ID, useGalleryFilter } from "./gallery-context";
import { galleryCountText } from "./gallery-count";
import { useShownItems } from "./gallery-shown";

const CONTROL_CLASS = `${INPUT_CLASS} h-10`;
/** The id of "12 of 40 runs · 1 of 2 sweeps" (it describes the search box too). */
export const GALLERY_COUNT_ID = "gallery-count";

/**
 * Above the gallery while it holds anything or a deletion can be undone: search the prompts,
 * filter by LoRA and by star, how many runs are shown, and "Clear all…". The filter lives in the
 * panel; the store is never changed by filtering.
 */
export function GalleryToolbar() {
  const { filter, setFilter } = useGalleryFilter();
  const shownIds = useShownItems();
  const allIds = usePlaygroundStore(selectAllGalleryItems);
  const hasDeletion = usePlaygroundStore((s) => s.deletion !== null);
  const selectHidden = useMemo(() => selectHiddenActiveRunCount(filter), [filter]);
  const hiddenActive = usePlaygroundStore(selectHidden);
  if (allIds.length === 0 && !hasDeletion) return null;
  return (
    <div className="flex flex-col gap-2">
      <search aria-label="Filter runs" className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-0 flex-[1_1_14rem]">
          <label htmlFor={GALLERY_SEARCH_ID} className="sr-only">
            Search prompts
          </label>
          <span className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-neutral-500 dark:text-neutral-400">
            <SearchIcon />
          </span>
          <input
            id={GALLERY_SEARCH_ID}
            type="search"
            value={filter.query}
            onChange={(event) => setFilter({ query: event.target.value })}
            placeholder="Search prompts"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={GALLERY_COUNT_ID}
            className={`${CONTROL_CLASS} pl-9`}
          />
        </div>
        <div className="flex min-w-0 flex-[1_1_auto] items-center gap-2">
          <LoraFilter />
          <FavouritesToggle />
        </div>
      </search>
      <div className="flex min-h-8 items-center justify-between gap-3">
        <p
          id={GALLERY_COUNT_ID}
          aria-live="polite"
          className="text-xs text-neutral-600 tabular-nums dark:text-neutral-400"
        >
          {galleryCountText(
            countGalleryItems(shownIds),
            countGalleryItems(allIds),
            isFiltering(filter),
          )}
          {hiddenActive > 0
            ? ` · ${hiddenActive} in progress ${hiddenActive === 1 ? "is" : "are"} hidden by the filters`
            : null}
        </p>
        <GalleryClearAll />
      </div>
    </div>
  );
}

/** A native select of every LoRA the runs used ("All LoRAs" first). */
function LoraFilter() {
  const { filter, setFilter } = useGalleryFilter();
  const options = usePlaygroundStore(selectLoraOptions);
  // The chosen LoRA stays listed after its last run is deleted, so the select never lies.
  const shown: LoraOption[] =
    filter.lora !== null && !options.some((option) => option.path === filter.lora)
      ? [...options, { path: filter.lora, label: loraLabel(filter.lora), count: 0 }]
      : options;
  return (
    <>
      <label htmlFor="gallery-lora" className="sr-only">
        Filter by LoRA
      </label>
      <select
        id="gallery-lora"
        value={filter.lora ?? ""}
        onChange={(event) => setFilter({ lora: event.target.value || null })}
        className={`${CONTROL_CLASS} min-w-0 flex-1 truncate pr-8`}
      >
        <option value="">All LoRAs</option>
        {shown.map((option) => (
          <option key={option.path} value={option.path} title={option.path}>
            {option.label} ({option.count})
          </option>
        ))}
      </select>
    </>
  );
}

/** "Favourites only": a toggle button, pressed while only starred runs are shown. */
function FavouritesToggle() {
  const { filter, setFilter } = useGalleryFilter();
  const isPressed = filter.isFavouritesOnly;
  return (
    <button
      type="button"
      aria-pressed={isPressed}
      onClick={() => setFilter({ isFavouritesOnly: !isPressed })}
      className={`inline-flex h-10 shrink-0 items-center gap-1.5 rounded-md border px-3 text-sm font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 ${
        isPressed
          ? "border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-200 dark:hover:bg-amber-950"
          : "border-neutral-300 bg-white text-neutral-800 hover:bg-neutral-100 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-200 dark:hover:bg-neutral-800"
      }`}
    >
      <StarIcon isFilled={isPressed} />
      Favourites only
    </button>
  );
}
