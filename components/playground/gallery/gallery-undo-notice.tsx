"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { clientOnly } from "@/components/ui/on-demand";

// The toast's code (and its message) loads with the first deletion.
const GalleryUndoToast = clientOnly(() =>
  import("./gallery-undo-toast").then((m) => m.GalleryUndoToast),
);

/**
 * A polite status at the bottom of the screen, always in the page so what appears in it is
 * announced: "Run 3 deleted — Undo" after a deletion (see `GalleryUndoToast`).
 */
export function GalleryUndoNotice() {
  // Whether there is a deletion to undo: when `selectDeletionMessage` has a message.
  const hasDeletion = usePlaygroundStore((s) => (s.deletion?.runs.length ?? 0) > 0);
  return (
    // biome-ignore lint/a11y/useSemanticElements: <output> takes phrasing content only, and this toast holds buttons.
    <div
      role="status"
      // Over the results column on wide screens, clear of the sticky Generate bar on the left.
      className="pointer-events-none fixed inset-x-0 bottom-4 z-30 flex justify-center px-3 sm:bottom-6 lg:justify-end lg:px-6"
    >
      {hasDeletion ? <GalleryUndoToast /> : null}
    </div>
  );
}
