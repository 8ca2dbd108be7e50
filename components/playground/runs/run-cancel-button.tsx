"use client";

import { useCallback } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { focusAfterRender } from "@/components/ui/focus";

/** An active run's Cancel button ("Cancelling…" once asked), in the run's status line. */
export function CancelRunButton({
  runId,
  runNumber,
  titleId,
  isCancelRequested,
}: {
  runId: string;
  runNumber: number;
  titleId: string;
  isCancelRequested: boolean;
}) {
  const cancelRun = usePlaygroundStore((s) => s.cancelRun);
  // Cancel goes away when the run ends: if it had focus, focus the run's heading instead of
  // letting it fall to <body>. The ref cleanup runs before the button leaves the document.
  const cancelRef = useCallback(
    (button: HTMLButtonElement | null) => {
      if (!button) return;
      return () => {
        if (document.activeElement === button) focusAfterRender([titleId]);
      };
    },
    [titleId],
  );
  return (
    <Button
      ref={cancelRef}
      size="sm"
      variant="secondary"
      // aria-disabled, not disabled: a disabled button drops focus to <body>.
      aria-disabled={isCancelRequested || undefined}
      onClick={() => {
        if (!isCancelRequested) void cancelRun(runId);
      }}
      className="aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
    >
      {/* Named "Cancel run N" / "Cancelling run N": the visible word plus the run. */}
      <span>
        {isCancelRequested ? "Cancelling" : "Cancel"}
        <span className="sr-only"> run {runNumber}</span>
        {isCancelRequested ? <span aria-hidden="true">…</span> : null}
      </span>
    </Button>
  );
}
