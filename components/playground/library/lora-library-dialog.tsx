"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icons";
import { LoraLibrary } from "./lora-library";
import { SEARCH_ID } from "./lora-library-filters";

/**
 * The LoRA library as a modal `<dialog>` (the browser keeps focus inside, Esc closes it and
 * gives focus back to the button that opened it): a grid of style previews with search and tags.
 * Mounted while open; `onClose` unmounts it.
 */
export function LoraLibraryDialog({
  onClose,
  onAdded,
}: {
  onClose: () => void;
  /** A LoRA was added to the stack as row `loraId` (the dialog has closed). */
  onAdded: (loraId: string) => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // showModal focuses the first control (Close); the library opens for its search box.
    document.getElementById(SEARCH_ID)?.focus();
  }, []);

  const close = () => dialogRef.current?.close();

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="lora-library-title"
      // Only its own closing: React passes a nested dialog's `close` (the Hub's) up its tree.
      onClose={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className="m-auto h-[min(92dvh,60rem)] max-h-none w-[min(calc(100vw_-_1rem),72rem)] max-w-none overflow-hidden rounded-xl border border-neutral-200 bg-white p-0 text-neutral-900 shadow-2xl backdrop:bg-neutral-950/50 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-100"
    >
      <div className="flex h-full flex-col">
        <div className="flex items-center justify-between gap-2 border-b border-neutral-200 px-4 py-3 dark:border-neutral-800">
          <h2 id="lora-library-title" className="text-base font-semibold">
            LoRA library
          </h2>
          <Button size="sm" variant="ghost" aria-label="Close the library" onClick={close}>
            <CloseIcon />
          </Button>
        </div>
        <LoraLibrary
          onAdded={(loraId) => {
            // Closed first: while the modal is open the page behind it cannot take focus.
            close();
            onAdded(loraId);
          }}
          onTried={close}
        />
      </div>
    </dialog>
  );
}
