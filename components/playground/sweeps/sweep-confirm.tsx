"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { formatUsd } from "@/lib/kontext/pricing";

/** Asks before a sweep that costs more than the person's budget. */
export function SweepConfirm({
  usd,
  budget,
  requests,
  onConfirm,
  onCancel,
}: {
  usd: number;
  budget: number;
  requests: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={dialogRef}
      role="alertdialog"
      aria-labelledby="sweep-confirm-title"
      aria-describedby="sweep-confirm-text"
      onCancel={onCancel}
      className="m-auto max-w-md rounded-xl border border-neutral-200 bg-white p-5 text-neutral-900 shadow-xl backdrop:bg-black/50 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-100"
    >
      <h2 id="sweep-confirm-title" className="text-base font-semibold">
        Run this sweep for ≈ {formatUsd(usd)}?
      </h2>
      <p id="sweep-confirm-text" className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">
        Its {requests} requests cost more than your {formatUsd(budget)} budget.
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="primary" onClick={onConfirm} autoFocus>
          Run anyway
        </Button>
      </div>
    </dialog>
  );
}
