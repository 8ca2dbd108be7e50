"use client";

import { type RefObject, useEffect } from "react";

/**
 * The viewer dialog's keys and clicks: ArrowLeft/ArrowRight call `go(-1)`/`go(1)`, a click on
 * the backdrop (or an element marked `data-backdrop`) calls `close`.
 */
export function useViewerKeys(
  dialogRef: RefObject<HTMLDialogElement | null>,
  go: (delta: number) => void,
  close: () => void,
): void {
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
        event.preventDefault();
        go(event.key === "ArrowLeft" ? -1 : 1);
      }
    };
    const onClick = (event: MouseEvent) => {
      const target = event.target as HTMLElement | null;
      if (target === dialog || target?.dataset.backdrop !== undefined) close();
    };
    dialog.addEventListener("keydown", onKeyDown);
    dialog.addEventListener("click", onClick);
    return () => {
      dialog.removeEventListener("keydown", onKeyDown);
      dialog.removeEventListener("click", onClick);
    };
  }, [dialogRef, go, close]);
}
