"use client";

import { useRef } from "react";
import { saveBlob } from "@/components/playground/runs/result-action-button";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";
import { MAX_LIBRARY_FILE_BYTES } from "@/lib/library/library-file";

/** The id of the "Save a LoRA" button, where focus returns when the form closes. */
export const SAVE_NEW_BUTTON_ID = "lora-library-save-new";

/** "Save a LoRA" (opens the form), "Import library…" (a JSON file) and "Export library". */
export function LoraLibraryToolbar({
  isFormOpen,
  onSaveNew,
}: {
  /** Whether the form is open for a new LoRA. */
  isFormOpen: boolean;
  onSaveNew: () => void;
}) {
  const importLibrary = usePlaygroundStore((s) => s.importLibrary);
  const exportLibrary = usePlaygroundStore((s) => s.exportLibrary);
  const inputRef = useRef<HTMLInputElement>(null);

  async function onFile(file: File) {
    // Never more than the limit and a byte: a larger file is refused as too large by its length.
    const text = await file.slice(0, MAX_LIBRARY_FILE_BYTES + 1).text();
    await importLibrary(text, file.name);
  }

  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <Button
        id={SAVE_NEW_BUTTON_ID}
        size="sm"
        variant="secondary"
        aria-expanded={isFormOpen}
        onClick={onSaveNew}
      >
        <PlusIcon />
        Save a LoRA
      </Button>
      {/* Kept together, so on a phone they wrap as a pair. */}
      <div className="flex items-center gap-1">
        <input
          ref={inputRef}
          type="file"
          accept=".json,application/json"
          aria-label="Import library file"
          className="sr-only"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = "";
            if (file) void onFile(file);
          }}
        />
        <Button size="sm" variant="ghost" onClick={() => inputRef.current?.click()}>
          Import library…
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={async () => {
            const file = await exportLibrary();
            if (file) saveBlob(file.blob, file.filename);
          }}
        >
          Export library
        </Button>
      </div>
    </div>
  );
}
