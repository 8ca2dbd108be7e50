"use client";

import { useEffect, useRef } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { CloseIcon } from "@/components/ui/icons";
import { selectDeletionMessage } from "@/lib/store/gallery";
import { useGalleryNavigation } from "./gallery-navigation";

/** How long the last deletion can be undone from the notice, unless it is hovered or focused. */
export const UNDO_WINDOW_MS = 10_000;

/**
 * "Run 3 deleted — Undo", inside `GalleryUndoNotice`'s status after a deletion (only the
 * last one can be undone). It goes after {@link UNDO_WINDOW_MS} (later while the pointer or focus
 * is on it) or when dismissed, which makes the deletion final.
 */
export function GalleryUndoToast() {
  const message = usePlaygroundStore(selectDeletionMessage);
  const deletion = usePlaygroundStore((s) => s.deletion);
  const undoDelete = usePlaygroundStore((s) => s.undoDelete);
  const forgetDeletion = usePlaygroundStore((s) => s.forgetDeletion);
  const { revealRun, focusSearch } = useGalleryNavigation();
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!deletion) return;
    let timer = setTimeout(function expire() {
      // Never pulled from under the pointer or the keyboard: wait until they leave.
      const notice = noticeRef.current;
      if (notice && (notice.matches(":hover") || notice.contains(document.activeElement))) {
        timer = setTimeout(expire, 1_000);
        return;
      }
      void forgetDeletion();
    }, UNDO_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [deletion, forgetDeletion]);

  async function undo() {
    const newest = deletion?.runs[0]?.id;
    await undoDelete();
    if (newest) revealRun(newest);
  }

  function dismiss() {
    void forgetDeletion();
    focusSearch();
  }

  return (
    <div
      ref={noticeRef}
      className="pointer-events-auto flex max-w-full items-center gap-1 rounded-lg bg-neutral-900 py-1.5 pr-1.5 pl-4 text-sm text-white shadow-lg ring-1 ring-black/5 dark:bg-neutral-100 dark:text-neutral-900"
    >
      <p className="mr-2 min-w-0 truncate">{message}</p>
      <button
        type="button"
        onClick={() => void undo()}
        className="h-8 shrink-0 rounded-md px-3 font-semibold text-accent-400 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-400 dark:text-accent-700 dark:hover:bg-black/5 dark:focus-visible:outline-accent-600"
      >
        Undo
      </button>
      <button
        type="button"
        aria-label="Dismiss"
        title="Dismiss"
        onClick={dismiss}
        className="inline-flex size-8 shrink-0 items-center justify-center rounded-md text-neutral-300 hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-400 dark:text-neutral-600 dark:hover:bg-black/5 dark:hover:text-neutral-900"
      >
        <CloseIcon />
      </button>
    </div>
  );
}
