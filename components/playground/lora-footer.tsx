"use client";

import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";
import { KNOWN_LORAS, type KnownLora } from "@/lib/kontext/known-loras";
import { focusAfterRender } from "./focus";
import { ADD_LORA_BUTTON_ID, filterKnownLoras, loraDomId } from "./lora-format";
import { ChevronIcon, PlusIcon } from "./lora-icons";
import { LoraKnownList } from "./lora-known-list";
import { usePlaygroundStore } from "./store-provider";

const SEARCH_ID = "lora-known-search";

/** "Add LoRA" and the "Known LoRAs" disclosure with a searchable list. */
export function LoraFooter() {
  const addLora = usePlaygroundStore((s) => s.addLora);
  const setPrompt = usePlaygroundStore((s) => s.setPrompt);
  const isPromptEmpty = usePlaygroundStore((s) => s.prompt.trim() === "");
  const stackPaths = usePlaygroundStore(useShallow((s) => s.loras.map((lora) => lora.path)));
  const [isOpen, setIsOpen] = useState(false);
  const [query, setQuery] = useState("");
  const toggleRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const pickerId = useId();
  const matches = filterKnownLoras(KNOWN_LORAS, query);

  useEffect(() => {
    if (isOpen) document.getElementById(SEARCH_ID)?.focus();
  }, [isOpen]);

  function close() {
    setIsOpen(false);
    toggleRef.current?.focus();
  }

  function choose(lora: KnownLora) {
    const id = addLora({ path: lora.path, scale: lora.scale });
    if (isPromptEmpty) setPrompt(lora.trigger);
    setIsOpen(false);
    setQuery("");
    focusAfterRender([loraDomId(id, "path")]);
  }

  /** Esc closes; arrow keys move between the search box and the list's buttons. */
  function handleKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === "Escape" && isOpen) {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const search = document.getElementById(SEARCH_ID);
    const items = [search, ...(listRef.current?.querySelectorAll("button") ?? [])];
    const index = items.indexOf(event.currentTarget);
    if (index < 0) return;
    const next = items[index + (event.key === "ArrowDown" ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
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
          aria-controls={isOpen ? pickerId : undefined}
          onClick={() => setIsOpen((open) => !open)}
          onKeyDown={handleKeyDown}
          className={buttonClass("ghost")}
        >
          Known LoRAs
          <ChevronIcon isOpen={isOpen} />
        </button>
      </div>
      {isOpen ? (
        <div
          id={pickerId}
          className="flex flex-col gap-2 rounded-lg border border-neutral-200 p-3 dark:border-neutral-800"
        >
          <Field id={SEARCH_ID} label="Search known LoRAs">
            <input
              id={SEARCH_ID}
              type="search"
              value={query}
              placeholder="Name, style or tag"
              autoComplete="off"
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={handleKeyDown}
              className={INPUT_CLASS}
            />
          </Field>
          <output aria-live="polite" className="text-xs text-neutral-600 dark:text-neutral-400">
            {matches.length} of {KNOWN_LORAS.length} shown
            {isPromptEmpty ? " · choosing one also sets its trigger as the prompt" : ""}
          </output>
          <div ref={listRef}>
            <LoraKnownList
              loras={matches}
              stackPaths={stackPaths}
              onChoose={choose}
              onKeyDown={handleKeyDown}
            />
          </div>
        </div>
      ) : null}
    </div>
  );
}
