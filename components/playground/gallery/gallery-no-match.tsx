"use client";

import { SearchIcon } from "@/components/ui/action-icons";
import { Button } from "@/components/ui/button";
import { useGalleryFilter } from "./gallery-context";
import { EMPTY_BOX_CLASS } from "./gallery-empty";
import { useGalleryNavigation } from "./gallery-navigation";

/** The filters hide every run: say so, and offer to show them all again. */
export function NoMatchingRuns() {
  const { clearFilters } = useGalleryFilter();
  const { focusSearch } = useGalleryNavigation();
  return (
    <div className={EMPTY_BOX_CLASS}>
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
