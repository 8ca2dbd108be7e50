"use client";

import { useRef } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/domain/text";
import { selectFinishedRunCount } from "@/lib/store/gallery";
import { selectActiveRunCount } from "@/lib/store/playground-store";
import { useGalleryFilter } from "./gallery-context";
import { useGalleryNavigation } from "./gallery-navigation";

const TITLE_ID = "clear-all-title";
const DESCRIPTION_ID = "clear-all-description";

/**
 * "Clear all…": asks first (a modal alert dialog, "Keep them" focused), then deletes every
 * finished run; runs in flight are kept. The deletion can be undone from the gallery's notice.
 */
export function GalleryClearAll() {
  const finished = usePlaygroundStore(selectFinishedRunCount);
  const active = usePlaygroundStore(selectActiveRunCount);
  const clearHistory = usePlaygroundStore((s) => s.clearHistory);
  const { focusSearch } = useGalleryNavigation();
  const { clearFilters } = useGalleryFilter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const runs = `${formatCount(finished)} ${finished === 1 ? "run" : "runs"}`;

  function open() {
    dialogRef.current?.showModal();
    keepRef.current?.focus();
  }

  async function onClose() {
    const dialog = dialogRef.current;
    if (dialog?.returnValue !== "delete") {
      openerRef.current?.focus();
      return;
    }
    dialog.returnValue = "";
    await clearHistory();
    // Nothing finished is left to filter; runs in flight (and new ones) should all show.
    clearFilters();
    focusSearch();
  }

  return (
    <>
      <Button
        ref={openerRef}
        size="sm"
        variant="ghost"
        disabled={finished === 0}
        onClick={open}
        className="text-red-700 hover:bg-red-50 hover:text-red-800 dark:text-red-400 dark:hover:bg-red-950/60 dark:hover:text-red-300"
      >
        Clear all…
      </Button>
      <dialog
        ref={dialogRef}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={TITLE_ID}
        aria-describedby={DESCRIPTION_ID}
        onClose={() => void onClose()}
        className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-xl border border-neutral-200 bg-white p-5 text-neutral-900 shadow-xl backdrop:bg-black/50 dark:border-neutral-700 dark:bg-neutral-800 dark:backdrop:bg-black/70 dark:text-neutral-100"
      >
        <form method="dialog" className="flex flex-col gap-4">
          <div className="flex flex-col gap-2">
            <h2 id={TITLE_ID} className="text-base font-semibold">
              Delete all {runs}?
            </h2>
            <p id={DESCRIPTION_ID} className="text-sm text-neutral-700 dark:text-neutral-300">
              Their results and settings go from this browser.{" "}
              {active > 0
                ? `${active} ${active === 1 ? "run" : "runs"} in progress ${active === 1 ? "is" : "are"} kept.`
                : "Runs in progress are kept."}{" "}
              Sweeps are kept (delete them from their cards). You can undo this for a few seconds
              afterwards.
            </p>
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <Button ref={keepRef} type="submit" value="keep">
              Keep them
            </Button>
            <Button type="submit" value="delete" variant="danger">
              Delete {runs}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
