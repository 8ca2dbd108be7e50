/**
 * What a part loaded on demand (`clientOnly`, `onDemand`) shows while its code arrives: one muted line, as
 * tall as a line of text, so the space it takes barely changes when the part appears.
 */
export function LoadingNote({ what }: { what?: string }) {
  return (
    <p aria-busy="true" className="text-sm text-neutral-500 dark:text-neutral-400">
      {what ? `Loading ${what}…` : "Loading…"}
    </p>
  );
}

/** The same for a dialog opened on demand: a small note over the page until the dialog shows. */
export function LoadingOverlay({ what }: { what: string }) {
  return (
    <p
      aria-busy="true"
      className="fixed inset-x-0 top-4 z-50 mx-auto w-fit rounded-lg border border-neutral-200 bg-white px-3 py-1.5 text-sm text-neutral-700 shadow-md dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-300"
    >
      Loading {what}…
    </p>
  );
}
