"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { SHORTCUT_GROUPS } from "./shortcut-groups";

const KEY_CLASS =
  "inline-flex min-w-6 justify-center rounded border border-neutral-300 bg-neutral-50 px-1.5 py-0.5 font-mono text-xs text-neutral-800 shadow-[0_1px_0] shadow-neutral-300 dark:border-neutral-600 dark:bg-neutral-800 dark:text-neutral-100 dark:shadow-neutral-700";

/**
 * The list of keyboard shortcuts, in a modal `<dialog>` (the browser keeps focus inside, Esc
 * or a click outside closes it — `closedby="any"` — and focus returns to where it was). It is
 * mounted only while open (its code loads at the first `?`) and opens itself once rendered, so
 * the browser focuses its first control.
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={dialogRef}
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      closedby="any"
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-neutral-200 bg-white p-5 text-neutral-900 shadow-xl backdrop:bg-black/50 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-100"
    >
      <ShortcutsList onClose={() => dialogRef.current?.close()} />
    </dialog>
  );
}

function ShortcutsList({ onClose }: { onClose: () => void }) {
  return (
    <>
      <div className="flex items-center justify-between gap-4">
        <h2 id="shortcuts-title" className="text-base font-semibold">
          Keyboard shortcuts
        </h2>
        <Button onClick={onClose}>Close</Button>
      </div>
      <div className="mt-4 flex flex-col gap-4">
        {SHORTCUT_GROUPS.map((group) => (
          <div key={group.title}>
            <h3 className="text-xs font-medium tracking-wide text-neutral-600 uppercase dark:text-neutral-400">
              {group.title}
            </h3>
            <dl className="mt-1.5 flex flex-col gap-1.5">
              {group.shortcuts.map((shortcut) => (
                <div
                  key={`${shortcut.keys.join("+")} ${shortcut.action}`}
                  className="flex items-baseline justify-between gap-4 text-sm"
                >
                  <dt className="flex shrink-0 gap-1">
                    {shortcut.keys.map((key) => (
                      <kbd key={key} className={KEY_CLASS}>
                        {key}
                      </kbd>
                    ))}
                  </dt>
                  <dd className="text-right text-neutral-700 dark:text-neutral-300">
                    {shortcut.action}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
    </>
  );
}
