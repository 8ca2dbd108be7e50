"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icons";
import type { BatchRecipeSource } from "@/lib/store/state";
import { BatchInputList } from "./batch-input-list";
import { BatchProblems } from "./batch-problems";
import { BatchRecipeSummary } from "./batch-recipe-summary";
import { BatchSources } from "./batch-sources";
import { BatchStartForm } from "./batch-start-form";

/**
 * The batch dialog (a modal `<dialog>`: the browser keeps focus inside, Esc closes it): where the
 * images come from, what was gathered and left out, the recipe, and the cost and Start. Loaded
 * on first open. Gathered images stay in the store when it closes.
 */
export default function BatchDialog({
  source,
  onClose,
}: {
  source: BatchRecipeSource;
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const close = () => dialogRef.current?.close();

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="batch-dialog-title"
      onClose={onClose}
      // Keys stay in the dialog: the page's shortcuts must not act behind it.
      onKeyDown={(event) => event.stopPropagation()}
      className="m-auto max-h-[min(94dvh,60rem)] w-[min(calc(100vw_-_1rem),52rem)] overflow-y-auto overscroll-contain rounded-xl border border-neutral-200 bg-white p-0 text-neutral-900 shadow-xl backdrop:bg-neutral-950/50 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-100"
    >
      <div className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-neutral-200 bg-white px-4 py-3 dark:border-neutral-800 dark:bg-neutral-900">
        <h2 id="batch-dialog-title" className="text-base font-semibold">
          Batch edit
        </h2>
        <Button size="sm" variant="ghost" aria-label="Close" onClick={close}>
          <CloseIcon />
        </Button>
      </div>
      <div className="flex flex-col gap-4 p-4">
        <BatchSources />
        <BatchProblems />
        <BatchInputList source={source} />
        <BatchRecipeSummary source={source} />
        <BatchStartForm source={source} onStarted={close} />
      </div>
    </dialog>
  );
}
