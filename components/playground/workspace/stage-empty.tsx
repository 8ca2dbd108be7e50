/** The stage before the first run: what will appear here and how to get it. */
export function StageEmpty() {
  return (
    <div className="flex min-h-0 flex-1 flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-neutral-300 p-6 text-center dark:border-neutral-700">
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
        strokeLinecap="round"
        strokeLinejoin="round"
        className="size-10 text-neutral-400 dark:text-neutral-600"
      >
        <rect x="3" y="4" width="18" height="16" rx="2" />
        <circle cx="9" cy="10" r="1.75" />
        <path d="m21 16-5-5-9 9" />
      </svg>
      <p className="max-w-sm text-sm text-neutral-600 dark:text-neutral-400">
        The result shows here, fitted to the screen. Choose an image, say what to change and press
        Generate.
      </p>
    </div>
  );
}
