"use client";

import { type ReactNode, type RefObject, useEffect } from "react";
import { Button } from "./button";
import { CloseIcon } from "./icons";

const WIDTHS = {
  md: "max-h-[min(92dvh,56rem)] w-[min(calc(100vw_-_1rem),46rem)]",
  lg: "max-h-[min(94dvh,60rem)] w-[min(calc(100vw_-_1rem),52rem)]",
} as const;

/**
 * A modal `<dialog>` opened as soon as it mounts (the browser keeps focus inside and Esc closes
 * it), with a sticky title bar and a Close button. Focus goes to the control marked
 * `data-autofocus`, else the browser's first (Close). Keys stay in the dialog, so the page's
 * shortcuts do not act behind it. `dialogRef` lets the content close it (`.close()`), which
 * calls `onClose`.
 */
export function ModalSheet({
  dialogRef,
  titleId,
  title,
  width,
  onClose,
  children,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  titleId: string;
  title: ReactNode;
  width: keyof typeof WIDTHS;
  onClose: () => void;
  children: ReactNode;
}) {
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [dialogRef]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={(event) => event.stopPropagation()}
      className={`m-auto ${WIDTHS[width]} overflow-y-auto overscroll-contain rounded-xl border border-neutral-200 bg-white p-0 text-neutral-900 shadow-xl backdrop:bg-neutral-950/50 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-100`}
    >
      <div className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-neutral-200 bg-white px-4 py-3 dark:border-neutral-800 dark:bg-neutral-900">
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <Button
          size="sm"
          variant="ghost"
          aria-label="Close"
          onClick={() => dialogRef.current?.close()}
        >
          <CloseIcon />
        </Button>
      </div>
      <div className="flex flex-col gap-4 p-4">{children}</div>
    </dialog>
  );
}
