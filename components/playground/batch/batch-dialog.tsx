"use client";

import { useRef } from "react";
import { ModalSheet } from "@/components/ui/modal-sheet";
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

  const close = () => dialogRef.current?.close();

  return (
    <ModalSheet
      dialogRef={dialogRef}
      titleId="batch-dialog-title"
      title="Batch edit"
      width="lg"
      onClose={onClose}
    >
      <BatchSources />
      <BatchProblems />
      <BatchInputList source={source} />
      <BatchRecipeSummary source={source} />
      <BatchStartForm source={source} onStarted={close} />
    </ModalSheet>
  );
}
