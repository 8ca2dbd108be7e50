"use client";

import { useId, useRef, useState } from "react";
import { LoraLibrary } from "@/components/playground/library/lora-library";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button, buttonClass } from "@/components/ui/button";
import { focusAfterRender } from "@/components/ui/focus";
import { ChevronIcon, LibraryIcon, PlusIcon } from "@/components/ui/icons";
import { ADD_LORA_BUTTON_ID, loraDomId } from "./lora-format";

/** "Add LoRA" and the "LoRA library" disclosure: curated and saved LoRAs to add in one click. */
export function LoraFooter() {
  const addLora = usePlaygroundStore((s) => s.addLora);
  const savedCount = usePlaygroundStore((s) => s.userLoras.length);
  const [isOpen, setIsOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const libraryId = useId();

  function close() {
    setIsOpen(false);
    toggleRef.current?.focus();
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          id={ADD_LORA_BUTTON_ID}
          onClick={() => focusAfterRender([loraDomId(addLora(), "path")])}
        >
          <PlusIcon />
          Add LoRA
        </Button>
        <button
          ref={toggleRef}
          type="button"
          aria-expanded={isOpen}
          aria-controls={isOpen ? libraryId : undefined}
          onClick={() => setIsOpen((open) => !open)}
          className={buttonClass("ghost")}
        >
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
          <ChevronIcon isOpen={isOpen} />
        </button>
      </div>
      {isOpen ? (
        <LoraLibrary
          id={libraryId}
          onClose={close}
          onAdded={(id) => {
            setIsOpen(false);
            focusAfterRender([loraDomId(id, "path")]);
          }}
        />
      ) : null}
    </div>
  );
}
