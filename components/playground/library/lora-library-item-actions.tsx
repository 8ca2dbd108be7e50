"use client";

import { useState } from "react";
import { Hidden } from "@/components/playground/runs/result-action-button";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { focusAfterRender } from "@/components/ui/focus";
import { SEARCH_ID } from "./lora-library-filters";
import { type LibraryEntry, libraryDomId } from "./lora-library-format";

/**
 * "Edit" and "Delete" (asking first) for a saved LoRA, "Remove preview" when one is pinned. Each
 * name says which LoRA it acts on ("Edit Neon glow").
 */
export function LoraLibraryItemActions({
  entry,
  hasPreview,
  onEdit,
}: {
  entry: LibraryEntry;
  hasPreview: boolean;
  onEdit: () => void;
}) {
  const unpinPreview = usePlaygroundStore((s) => s.unpinPreview);
  const deleteUserLora = usePlaygroundStore((s) => s.deleteUserLora);
  const [isConfirming, setIsConfirming] = useState(false);
  const { key, name } = entry;

  if (isConfirming) {
    return (
      <div className="flex flex-wrap items-center gap-1.5 rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-900 dark:bg-red-950/60 dark:text-red-100">
        <span className="mr-1">Delete {name} from your library?</span>
        <Button
          size="sm"
          variant="danger"
          onClick={async () => {
            if (await deleteUserLora(entry.id)) focusAfterRender([SEARCH_ID]);
            else setIsConfirming(false);
          }}
        >
          <span>
            Delete<Hidden> {name}</Hidden>
          </span>
        </Button>
        <Button
          id={libraryDomId(key, "keep")}
          size="sm"
          variant="ghost"
          onClick={() => {
            setIsConfirming(false);
            focusAfterRender([libraryDomId(key, "delete")]);
          }}
        >
          <span>
            Keep<Hidden> {name}</Hidden>
          </span>
        </Button>
      </div>
    );
  }

  return (
    <div className="-ml-2 flex flex-wrap items-center gap-0.5">
      {entry.source === "saved" ? (
        <>
          <Button id={libraryDomId(key, "edit")} size="sm" variant="ghost" onClick={onEdit}>
            <span>
              Edit<Hidden> {name}</Hidden>
            </span>
          </Button>
          <Button
            id={libraryDomId(key, "delete")}
            size="sm"
            variant="ghost"
            onClick={() => {
              setIsConfirming(true);
              focusAfterRender([libraryDomId(key, "keep")]);
            }}
          >
            <span>
              Delete<Hidden> {name}</Hidden>
            </span>
          </Button>
        </>
      ) : null}
      {hasPreview ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            void unpinPreview(entry.path);
            focusAfterRender([libraryDomId(key, "add")]);
          }}
        >
          <span>
            Remove<Hidden> the</Hidden> preview<Hidden> of {name}</Hidden>
          </span>
        </Button>
      ) : null}
    </div>
  );
}
