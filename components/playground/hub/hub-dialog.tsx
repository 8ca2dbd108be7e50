"use client";

import { useCallback, useRef, useState } from "react";
import { SWEEP_SECTION_ID } from "@/components/playground/workspace/section-ids";
import { Button } from "@/components/ui/button";
import { openEnclosingDetails } from "@/components/ui/focus";
import { ModalSheet } from "@/components/ui/modal-sheet";
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

  const close = () => dialogRef.current?.close();
  // A pasted reference that failed is said at the field, and the list (if any) comes back.
  const showPasteError = useCallback((message: string) => {
    setPasteError(message);
    setOpened(null);
  }, []);

  return (
    <ModalSheet
      dialogRef={dialogRef}
      titleId="hub-dialog-title"
      title="LoRAs from Hugging Face"
      width="md"
      onClose={onClose}
    >
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
            onOpen={(id) => setOpened({ ref: id, from: "browse", count: (opened?.count ?? 0) + 1 })}
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
    </ModalSheet>
  );
}

/**
 * Takes the person to the Sweep panel's values, where the sweep just set up waits to run: opens
 * its collapsed section (which renders the panel, once its code is here) and focuses the values.
 */
function focusSweep(frame = 0): void {
  const section = document.getElementById(SWEEP_SECTION_ID);
  if (section instanceof HTMLDetailsElement && !section.open) section.open = true;
  requestAnimationFrame(() => {
    const panel = document.getElementById("sweep-panel-title")?.closest("section");
    if (!panel) {
      // The panel's code is still loading (about a second at most).
      if (frame < 60) focusSweep(frame + 1);
      return;
    }
    openEnclosingDetails(panel);
    panel.scrollIntoView({ block: "start" });
    panel.querySelector<HTMLElement>('[id$="-values"]')?.focus({ preventScroll: true });
  });
}
