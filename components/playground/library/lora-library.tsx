"use client";

import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { HubLauncher } from "@/components/playground/hub/hub-launcher";
import {
  addTriggerToPrompt,
  promptHasTrigger,
} from "@/components/playground/lora-stack/lora-format";
import { usePlaygroundStore, usePlaygroundStoreApi } from "@/components/playground/store-provider";
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
 * The LoRA library: curated and saved LoRAs with search, tag filters and previews; one click adds
 * one to the stack (and its trigger to the prompt, when wanted). Esc closes it; the arrow keys
 * move between the search box and the "Add to stack" buttons.
 */
export function LoraLibrary({
  id,
  onClose,
  onAdded,
}: {
  id: string;
  onClose: () => void;
  /** A LoRA was added to the stack as row `loraId`. */
  onAdded: (loraId: string) => void;
}) {
  const store = usePlaygroundStoreApi();
  const userLoras = usePlaygroundStore(useShallow((s) => s.userLoras));
  const addLora = usePlaygroundStore((s) => s.addLora);
  const setPrompt = usePlaygroundStore((s) => s.setPrompt);
  const isPromptEmpty = usePlaygroundStore((s) => s.prompt.trim() === "");
  const [query, setQuery] = useState("");
  const [tags, setTags] = useState<string[]>([]);
  // Null follows the default: on while the prompt is empty.
  const [triggerChoice, setTriggerChoice] = useState<boolean | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const rootRef = useRef<HTMLElement>(null);
  const saved = useMemo(() => savedEntries(userLoras), [userLoras]);
  const all = useMemo(() => [...saved, ...CURATED], [saved]);
  const allTags = useMemo(() => libraryTags(all), [all]);
  const matches = filterLibrary(all, query, tags);
  const withTrigger = triggerChoice ?? isPromptEmpty;

  const dismissNotice = usePlaygroundStore((s) => s.dismissLibraryNotice);

  useEffect(() => {
    document.getElementById(SEARCH_ID)?.focus();
    // What the library said is about this visit; it is not shown again when it reopens.
    return dismissNotice;
  }, [dismissNotice]);

  function add(entry: LibraryEntry) {
    const loraId = addLora({ path: entry.path, scale: entry.scale });
    // Read now: the prompt may have changed since this rendered.
    const { prompt } = store.getState();
    if (withTrigger && entry.trigger && !promptHasTrigger(prompt, entry.trigger)) {
      setPrompt(addTriggerToPrompt(prompt, entry.trigger));
    }
    onAdded(loraId);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
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
    <section
      id={id}
      ref={rootRef}
      aria-label="LoRA library"
      onKeyDown={handleKeyDown}
      className="flex flex-col gap-3 rounded-lg border border-neutral-200 bg-neutral-50/60 p-3 dark:border-neutral-800 dark:bg-neutral-950/40"
    >
      <LoraLibraryToolbar
        isFormOpen={editing?.id === null}
        onSaveNew={() => setEditing(editing?.id === null ? null : { id: null })}
      />
      <HubLauncher onAdded={onAdded} />
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
        <LoraLibraryTriggerToggle checked={withTrigger} onChange={setTriggerChoice} />
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
    </section>
  );
}
