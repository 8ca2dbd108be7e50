"use client";

import { useState } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { focusAfterRender } from "@/components/ui/focus";
import { LibraryIcon, PlusIcon } from "@/components/ui/icons";
import { LoadingOverlay } from "@/components/ui/loading";
import { clientOnly } from "@/components/ui/on-demand";
import { ADD_LORA_BUTTON_ID, loraDomId } from "./lora-format";

// The library's code loads when it is first opened.
const LoraLibraryDialog = clientOnly(
  () =>
    import("@/components/playground/library/lora-library-dialog").then((m) => m.LoraLibraryDialog),
  <LoadingOverlay what="the library" />,
);

/** "LoRA library" (a dialog of style previews) and "Add LoRA" (a row for a weight file's URL). */
export function LoraFooter() {
  const addLora = usePlaygroundStore((s) => s.addLora);
  const savedCount = usePlaygroundStore((s) => s.userLoras.length);
  const [isOpen, setIsOpen] = useState(false);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" aria-haspopup="dialog" onClick={() => setIsOpen(true)}>
        <LibraryIcon />
        LoRA library
        {savedCount > 0 ? (
          // The name stays "LoRA library"; the count of saved LoRAs is said inside it.
          <span
            aria-hidden="true"
            title={`${savedCount} saved`}
            className="rounded-full bg-neutral-200 px-1.5 text-[11px] tabular-nums text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300"
          >
            {savedCount}
          </span>
        ) : null}
      </Button>
      <Button
        id={ADD_LORA_BUTTON_ID}
        variant="ghost"
        onClick={() => focusAfterRender([loraDomId(addLora(), "path")])}
      >
        <PlusIcon />
        Add LoRA
      </Button>
      {isOpen ? (
        <LoraLibraryDialog
          onClose={() => setIsOpen(false)}
          onAdded={(id) => focusAfterRender([loraDomId(id, "scale")])}
        />
      ) : null}
    </div>
  );
}
