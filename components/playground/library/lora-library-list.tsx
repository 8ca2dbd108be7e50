"use client";

import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import type { LibraryEntry } from "./lora-library-format";
import { LoraLibraryItem } from "./lora-library-item";

/** The matching LoRAs as a grid of style cards: the person's own first, then the curated ones. */
export function LoraLibraryList({
  entries,
  onAdd,
  onEdit,
  onClearFilters,
}: {
  entries: readonly LibraryEntry[];
  onAdd: (entry: LibraryEntry) => void;
  onEdit: (entry: LibraryEntry) => void;
  onClearFilters: () => void;
}) {
  const stackPaths = usePlaygroundStore(useShallow((s) => s.loras.map((lora) => lora.path)));
  const saved = entries.filter((entry) => entry.source === "saved");
  const curated = entries.filter((entry) => entry.source === "curated");

  if (entries.length === 0) {
    return (
      <div className="flex flex-col items-start gap-2 rounded-md border border-dashed border-neutral-300 px-3 py-4 text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
        <p>No LoRA in the library matches.</p>
        <Button size="sm" variant="secondary" onClick={onClearFilters}>
          Clear search and tags
        </Button>
      </div>
    );
  }

  const section = (id: string, title: string, items: readonly LibraryEntry[]) =>
    items.length === 0 ? null : (
      <div className="flex flex-col gap-2">
        <h3
          id={id}
          className="text-xs font-semibold text-neutral-500 uppercase tracking-wide dark:text-neutral-400"
        >
          {title} <span className="font-normal tabular-nums">({items.length})</span>
        </h3>
        <ul
          aria-labelledby={id}
          className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,13.5rem),1fr))] gap-3"
        >
          {items.map((entry) => (
            <LoraLibraryItem
              key={entry.key}
              entry={entry}
              isInStack={stackPaths.includes(entry.path)}
              onAdd={() => onAdd(entry)}
              onEdit={() => onEdit(entry)}
            />
          ))}
        </ul>
      </div>
    );

  return (
    <div className="flex flex-col gap-5">
      {section("lora-library-saved", "Your LoRAs", saved)}
      {section("lora-library-curated", "Curated LoRAs", curated)}
    </div>
  );
}
