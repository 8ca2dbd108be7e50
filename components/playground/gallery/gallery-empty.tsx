"use client";

import { Icon } from "@/components/ui/icons";

/** The box of a history with no cards to show (see also `NoMatchingRuns`). */
export const EMPTY_BOX_CLASS =
  "flex flex-col items-center gap-3 rounded-lg border border-dashed border-neutral-300 px-4 py-10 text-center dark:border-neutral-700";

/** No runs yet: what to do to get one. */
export function EmptyResults() {
  return (
    <div className={EMPTY_BOX_CLASS}>
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
