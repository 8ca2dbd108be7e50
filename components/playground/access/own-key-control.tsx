"use client";

import { useCallback, useRef } from "react";
import { Button } from "@/components/ui/button";
import { clearVisitorFalKey } from "@/lib/fal/visitor-key";
import { OwnKeyDialog } from "./own-key-dialog";
import { type DialogRequest, useDialogRequests, useHasVisitorKey } from "./requests";

/**
 * The header's "Use my own fal key" (fal backend only): opens the key dialog, or — once a key
 * is set — says "Using your own fal key" with "Forget key". The access prompt and the alert's
 * limit messages open the same dialog through `requestOwnKey`.
 */
export function OwnKeyControl() {
  const hasKey = useHasVisitorKey();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const useKeyRef = useRef<HTMLButtonElement>(null);
  const pending = useRef<DialogRequest>({});

  const open = useCallback((request: DialogRequest) => {
    pending.current = request;
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useDialogRequests("own-key", open);

  function forget() {
    clearVisitorFalKey();
    // The button that had focus is gone: hand it to the one that takes its place.
    requestAnimationFrame(() => useKeyRef.current?.focus());
  }

  function saved() {
    const { onDone } = pending.current;
    pending.current = {};
    onDone?.();
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {hasKey ? (
        <>
          <span className="rounded-full bg-sky-100 px-3 py-1 text-sm font-medium text-sky-900 dark:bg-sky-900 dark:text-sky-50">
            Using your own fal key
          </span>
          <Button size="sm" variant="ghost" onClick={forget}>
            Forget key
          </Button>
        </>
      ) : (
        <Button ref={useKeyRef} size="sm" variant="secondary" onClick={() => open({})}>
          Use my own fal key
        </Button>
      )}
      <OwnKeyDialog dialogRef={dialogRef} onSaved={saved} />
    </div>
  );
}
