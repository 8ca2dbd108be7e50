"use client";

import { useOpenBatchDialog } from "./batch-dialog-context";

/**
 * "Many images? Batch edit…" in the Image panel's title row: the form's recipe over many images.
 * A text-sized button, so the row (and the first screen) keeps its height.
 */
export function BatchLaunchButton() {
  const open = useOpenBatchDialog();
  if (!open) return null;
  return (
    <p className="text-xs text-neutral-600 dark:text-neutral-400">
      Many images?{" "}
      <button
        type="button"
        onClick={() => open({ kind: "form" })}
        className="rounded font-medium text-accent-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:text-accent-400"
      >
        Batch edit…
      </button>
    </p>
  );
}
