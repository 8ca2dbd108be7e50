"use client";

import { useState } from "react";
import { Field, INPUT_CLASS } from "@/components/ui/field";

/** The id of the library's search box, focused when the library opens. */
export const SEARCH_ID = "lora-library-search";

/** Tags shown before "More tags": the most used ones (chosen tags are always shown). */
export const FIRST_TAGS = 8;

const CHIP =
  "h-7 rounded-full border px-2.5 text-xs transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-500";

/**
 * Search box and tag chips (toggle buttons; every chosen tag must match). The most used tags show
 * first; "More tags" shows the rest.
 */
export function LoraLibraryFilters({
  query,
  onQueryChange,
  tags,
  selected,
  onToggleTag,
}: {
  query: string;
  onQueryChange: (query: string) => void;
  /** Every tag in the library, most used first. */
  tags: readonly string[];
  selected: readonly string[];
  onToggleTag: (tag: string) => void;
}) {
  const [isShowingAll, setIsShowingAll] = useState(false);
  const shown = isShowingAll
    ? tags
    : tags.filter((tag, index) => index < FIRST_TAGS || selected.includes(tag));
  const hidden = tags.length - shown.length;
  return (
    <div className="flex flex-col gap-2.5">
      <Field id={SEARCH_ID} label="Search the library">
        <input
          id={SEARCH_ID}
          type="search"
          value={query}
          placeholder="Name, style, trigger or tag"
          autoComplete="off"
          onChange={(event) => onQueryChange(event.target.value)}
          className={INPUT_CLASS}
        />
      </Field>
      {/* biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset. */}
      <div role="group" aria-labelledby="lora-library-tags-label" className="flex flex-col gap-1.5">
        <span
          id="lora-library-tags-label"
          className="text-xs font-medium text-neutral-600 dark:text-neutral-400"
        >
          Filter by tag
        </span>
        <div className="flex flex-wrap gap-1.5">
          {shown.map((tag) => {
            const isOn = selected.includes(tag);
            return (
              <button
                key={tag}
                type="button"
                aria-pressed={isOn}
                onClick={() => onToggleTag(tag)}
                className={`${CHIP} ${
                  isOn
                    ? "border-accent-600 bg-accent-600 font-medium text-white dark:border-accent-400 dark:bg-accent-500/35 dark:text-white"
                    : "border-neutral-300 bg-white text-neutral-700 hover:border-neutral-400 hover:bg-neutral-100 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-300 dark:hover:bg-neutral-800"
                }`}
              >
                {tag}
              </button>
            );
          })}
          {hidden > 0 || isShowingAll ? (
            <button
              type="button"
              onClick={() => setIsShowingAll((all) => !all)}
              className={`${CHIP} border-transparent font-medium text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-accent-500/10`}
            >
              {isShowingAll ? "Fewer tags" : `More tags (${hidden})`}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
