"use client";

import { Button } from "@/components/ui/button";
import { Icon, SearchIcon } from "@/components/ui/icons";
import { useGalleryFilter, useGalleryNavigation } from "./gallery-context";

const BOX_CLASS =
  "flex flex-col items-center gap-3 rounded-lg border border-dashed border-neutral-300 px-4 py-10 text-center dark:border-neutral-700";

/** No runs yet: what to do to get one. */
export function EmptyResults() {
  return (
    <div className={BOX_CLASS}>
      <Icon className="size-8 text-neutral-400 dark:text-neutral-600" viewBox="0 0 24 24">
        <rect x="3" y="4" width="18" height="16" rx="2" />
        <circle cx="9" cy="10" r="1.75" />
        <path d="m21 16-5-5-9 9" />
      </Icon>
      <p className="max-w-xs text-sm text-neutral-600 dark:text-neutral-400">
        Your edits appear here. Add an image, write an instruction and press Generate.
      </p>
    </div>
  );
}

/** The filters hide every run: say so, and offer to show them all again. */
export function NoMatchingRuns() {
  const { clearFilters } = useGalleryFilter();
  const { focusSearch } = useGalleryNavigation();
  return (
    <div className={BOX_CLASS}>
      <span className="text-neutral-400 dark:text-neutral-600 [&_svg]:size-8">
        <SearchIcon />
      </span>
      <p className="max-w-xs text-sm text-neutral-600 dark:text-neutral-400">
        No runs match your search and filters.
      </p>
      <Button
        size="sm"
        onClick={() => {
          clearFilters();
          focusSearch();
        }}
      >
        Clear filters
      </Button>
    </div>
  );
}
