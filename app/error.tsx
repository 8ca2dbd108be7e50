"use client";

import { useEffect, useRef } from "react";

/**
 * The page's error boundary (Next.js `error.tsx`): when rendering the playground throws, a short
 * explanation and "Try again" replace it instead of a blank page. Trying again renders the
 * playground afresh; the form and results of the failed render are not kept.
 */
export default function PlaygroundError({ error, reset }: { error: unknown; reset: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    console.error(error);
    // The control that had focus is gone with the playground: start from the message.
    headingRef.current?.focus();
  }, [error]);

  const digest =
    error && typeof error === "object" && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : null;

  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-xl flex-col justify-center gap-4 px-4 py-10">
      <div
        role="alert"
        className="flex flex-col gap-3 rounded-xl border border-neutral-200 bg-white p-6 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
      >
        <h1
          ref={headingRef}
          tabIndex={-1}
          className="text-lg font-semibold tracking-tight focus:outline-none"
        >
          Something went wrong
        </h1>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          The playground hit an unexpected problem and could not be shown. Trying again starts it
          afresh; images you already downloaded are not affected.
        </p>
        {digest ? (
          <p className="text-xs text-neutral-600 tabular-nums dark:text-neutral-400">
            Error id {digest}
          </p>
        ) : null}
        <div>
          {/* The primary button's look (components/ui/button), written out: this boundary's chunk
              is apart from the page's, so importing the Button would ship its code twice. */}
          <button
            type="button"
            onClick={() => reset()}
            className="inline-flex h-10 items-center justify-center rounded-md bg-accent-600 px-4 text-sm font-medium text-white transition-colors hover:bg-accent-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
          >
            Try again
          </button>
        </div>
      </div>
    </main>
  );
}
