"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { openEnclosingDetails } from "@/components/ui/focus";
import { CloseIcon } from "@/components/ui/icons";
import { HubBrowse } from "./hub-browse";
import { HubLookup } from "./hub-lookup";
import { HubReferenceField } from "./hub-reference-field";

/** What the dialog opens on: the paste field alone, or the browse list under it. */
export type HubView = "paste" | "browse";

/** The model being looked at, and whether it was pasted or opened from the list. */
interface Opened {
  ref: string;
  from: "paste" | "browse";
  /** Counts look-ups, so asking again for the same model reads it again. */
  count: number;
}

/**
 * The Hugging Face dialog (a modal `<dialog>`: the browser keeps focus inside and Esc closes
 * it): the reference field, the browse list, and the detail view of the model opened from either.
 */
export default function HubDialog({
  initialView,
  initialReference,
  onClose,
  onTried,
  onAdded,
}: {
  initialView: HubView;
  /** A reference looked up as soon as the dialog opens (a LoRA row's path). */
  initialReference?: string;
  /** "Try on my image" set up a sweep (the dialog has closed; a dialog around it should too). */
  onTried?: () => void;
  onClose: () => void;
  /** The LoRA was added to the stack as row `loraId`. */
  onAdded: (loraId: string) => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [isBrowsing, setIsBrowsing] = useState(initialView === "browse");
  const [opened, setOpened] = useState<Opened | null>(() =>
    initialReference ? { ref: initialReference, from: "paste", count: 1 } : null,
  );
  const [pasteError, setPasteError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // showModal focuses the first control (Close); the dialog opened for the field it names.
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, []);

  const close = () => dialogRef.current?.close();
  // A pasted reference that failed is said at the field, and the list (if any) comes back.
  const showPasteError = useCallback((message: string) => {
    setPasteError(message);
    setOpened(null);
  }, []);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="hub-dialog-title"
      onClose={onClose}
      // Keys stay in the dialog: the library around it would take Esc and the arrows.
      onKeyDown={(event) => event.stopPropagation()}
      className="m-auto max-h-[min(92dvh,56rem)] w-[min(calc(100vw_-_1rem),46rem)] overflow-y-auto rounded-xl border border-neutral-200 bg-white p-0 text-neutral-900 shadow-xl backdrop:bg-neutral-950/50 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-100"
    >
      <div className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-neutral-200 bg-white/95 px-4 py-3 dark:border-neutral-800 dark:bg-neutral-900/95">
        <h2 id="hub-dialog-title" className="text-base font-semibold">
          LoRAs from Hugging Face
        </h2>
        <Button size="sm" variant="ghost" aria-label="Close" onClick={close}>
          <CloseIcon />
        </Button>
      </div>
      <div className="flex flex-col gap-4 p-4">
        <HubReferenceField
          autoFocus={initialView === "paste"}
          initialValue={initialReference}
          error={pasteError}
          onLookUp={(ref) => {
            setPasteError(null);
            setOpened({ ref, from: "paste", count: (opened?.count ?? 0) + 1 });
          }}
          onInvalid={setPasteError}
        />
        {opened ? (
          <HubLookup
            key={opened.count}
            reference={opened.ref}
            onError={opened.from === "paste" ? showPasteError : undefined}
            onBack={() => setOpened(null)}
            backLabel={isBrowsing ? "Back to the list" : "Close the details"}
            onAdded={(loraId) => {
              // Closed first: while the modal is open the page behind it cannot take focus.
              close();
              onAdded(loraId);
            }}
            onTried={() => {
              close();
              onTried?.();
              focusSweep();
            }}
          />
        ) : null}
        {isBrowsing ? (
          <div hidden={opened !== null}>
            <HubBrowse
              autoFocus={initialView === "browse"}
              onOpen={(id) =>
                setOpened({ ref: id, from: "browse", count: (opened?.count ?? 0) + 1 })
              }
            />
          </div>
        ) : opened ? null : (
          <Button
            size="sm"
            variant="ghost"
            className="self-start"
            onClick={() => setIsBrowsing(true)}
          >
            Or browse Kontext LoRAs
          </Button>
        )}
      </div>
    </dialog>
  );
}

/**
 * Takes the person to the Sweep panel's values, where the sweep just set up waits to run (its
 * collapsed section opened).
 */
function focusSweep(): void {
  requestAnimationFrame(() => {
    const panel = document.getElementById("sweep-panel-title")?.closest("section");
    if (panel) openEnclosingDetails(panel);
    panel?.scrollIntoView({ block: "start" });
    panel?.querySelector<HTMLElement>('[id$="-values"]')?.focus({ preventScroll: true });
  });
}
