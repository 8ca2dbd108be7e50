"use client";

import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { HubLauncher } from "@/components/playground/hub/hub-launcher";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { KNOWN_LORAS } from "@/lib/kontext/known-loras";
import { LoraLibraryFilters, SEARCH_ID } from "./lora-library-filters";
import { LoraLibraryForm } from "./lora-library-form";
import {
  curatedEntries,
  filterLibrary,
  formatShownCount,
  type LibraryEntry,
  libraryTags,
  savedEntries,
} from "./lora-library-format";
import { LoraLibraryList } from "./lora-library-list";
import { LoraLibraryNotice } from "./lora-library-notice";
import { LoraLibraryToolbar } from "./lora-library-toolbar";
import { LoraLibraryTriggerToggle } from "./lora-library-trigger";

const CURATED = curatedEntries(KNOWN_LORAS);

/** What the form is doing: saving a new LoRA, or editing the saved one `id`. */
type Editing = { id: string | null } | null;

/**
 * The LoRA library (inside its dialog): curated and saved LoRAs as a grid of style previews with
 * search and tag filters; one click adds one to the stack, and its trigger to the prompt whatever
 * the prompt holds (the stack says so, with Undo) unless that is switched off. The arrow keys
 * move between the search box and the "Add to stack" buttons.
 */
export function LoraLibrary({
  onAdded,
  onTried,
}: {
  /** A LoRA was added to the stack as row `loraId`. */
  onAdded: (loraId: string) => void;
  /** The Hub's "Try on my image" set up a sweep. */
  onTried?: () => void;
}) {
  const userLoras = usePlaygroundStore(useShallow((s) => s.userLoras));
  const addLibraryLora = usePlaygroundStore((s) => s.addLibraryLora);
  const [query, setQuery] = useState("");
  const [tags, setTags] = useState<string[]>([]);
  const [withTrigger, setWithTrigger] = useState(true);
  const [editing, setEditing] = useState<Editing>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const saved = useMemo(() => savedEntries(userLoras), [userLoras]);
  const all = useMemo(() => [...saved, ...CURATED], [saved]);
  const allTags = useMemo(() => libraryTags(all), [all]);
  const matches = filterLibrary(all, query, tags);

  const dismissNotice = usePlaygroundStore((s) => s.dismissLibraryNotice);

  // What the library said is about this visit; it is not shown again when it reopens.
  useEffect(() => dismissNotice, [dismissNotice]);

  function add(entry: LibraryEntry) {
    const { path, scale, name, trigger } = entry;
    onAdded(addLibraryLora({ path, scale, name, trigger }, withTrigger));
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const root = rootRef.current;
    if (!root) return;
    const stops = [
      document.getElementById(SEARCH_ID),
      ...root.querySelectorAll<HTMLElement>("[data-library-add]"),
    ];
    const index = stops.indexOf(event.target as HTMLElement);
    const next = index < 0 ? null : stops[index + (event.key === "ArrowDown" ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys between its own controls.
    <div
      ref={rootRef}
      onKeyDown={handleKeyDown}
      className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto overscroll-contain p-4"
    >
      <LoraLibraryToolbar
        isFormOpen={editing?.id === null}
        onSaveNew={() => setEditing(editing?.id === null ? null : { id: null })}
      />
      <HubLauncher onAdded={onAdded} onTried={onTried} />
      <LoraLibraryNotice />
      {editing ? (
        <LoraLibraryForm
          key={editing.id ?? "new"}
          editId={editing.id}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <LoraLibraryFilters
        query={query}
        onQueryChange={setQuery}
        tags={allTags}
        selected={tags}
        onToggleTag={(tag) =>
          setTags((current) =>
            current.includes(tag) ? current.filter((t) => t !== tag) : [...current, tag],
          )
        }
      />
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <LoraLibraryTriggerToggle checked={withTrigger} onChange={setWithTrigger} />
        <output aria-live="polite" className="text-xs text-neutral-600 dark:text-neutral-400">
          {formatShownCount(matches.length, all.length)}
        </output>
      </div>
      <LoraLibraryList
        entries={matches}
        onAdd={add}
        onEdit={(entry) => setEditing({ id: entry.id })}
        onClearFilters={() => {
          setQuery("");
          setTags([]);
        }}
      />
    </div>
  );
}
