"use client";

import { type ReactNode, useState } from "react";

/**
 * A collapsed section of the inputs panel: a `<details>` whose summary names it ("Advanced
 * settings", "Sweep", "API/code"). The panel inside loses its own card (the section is the card)
 * and keeps its heading for screen readers only, so its region keeps its name.
 */
export function InputSection({
  id,
  title,
  hint,
  onToggle,
  isNeeded = false,
  onIntent,
  children,
}: {
  id: string;
  title: string;
  /** A few words after the title, in the summary. */
  hint?: string;
  /** Called with whether the section is open, each time it opens or closes. */
  onToggle?: (isOpen: boolean) => void;
  /**
   * Whether the content must be in the page though the section was never opened (e.g. one of
   * its fields has an error, which opens the section to take focus).
   */
  isNeeded?: boolean;
  /** Called when the person points at or focuses the summary: a hint to load the content's code. */
  onIntent?: () => void;
  /** Rendered once the section has been opened (or is needed), then kept while it is closed. */
  children: ReactNode;
}) {
  const [wasOpened, setWasOpened] = useState(false);
  return (
    <details
      id={id}
      onToggle={(event) => {
        const isOpen = event.currentTarget.open;
        if (isOpen) setWasOpened(true);
        onToggle?.(isOpen);
      }}
      className="group rounded-xl border border-neutral-200 bg-white shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a <summary> is the section's button (it opens its <details>); pointing at or focusing it only starts loading code. */}
      <summary
        onPointerEnter={onIntent}
        onFocus={onIntent}
        className="flex cursor-pointer items-center gap-2 rounded-xl px-4 py-3 text-sm font-semibold text-neutral-800 select-none marker:content-none hover:bg-neutral-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:text-neutral-200 dark:hover:bg-neutral-800/60 [&::-webkit-details-marker]:hidden"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className="size-3.5 shrink-0 text-neutral-500 transition-transform group-open:rotate-90"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.75}
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="m6 3.5 4.5 4.5L6 12.5" />
        </svg>
        {title}
        {hint ? (
          <span className="min-w-0 truncate font-normal text-neutral-500 dark:text-neutral-400">
            {hint}
          </span>
        ) : null}
      </summary>
      <div className="border-t border-neutral-200 px-4 pt-3 pb-4 dark:border-neutral-800 [&>section]:gap-3 [&>section]:rounded-none [&>section]:border-0 [&>section]:bg-transparent [&>section]:p-0 [&>section]:shadow-none [&>section>div:first-child>h2]:sr-only">
        {wasOpened || isNeeded ? children : null}
      </div>
    </details>
  );
}
