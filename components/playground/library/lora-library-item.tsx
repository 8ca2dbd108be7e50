"use client";

import { Hidden } from "@/components/playground/runs/result-action-button";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { formatScale } from "@/components/ui/format";
import { PlusIcon } from "@/components/ui/icons";
import { type LibraryEntry, libraryDomId, loraInitials } from "./lora-library-format";
import { LoraLibraryItemActions } from "./lora-library-item-actions";

/**
 * One LoRA of the library as a card led by its style: the preview (or initials), then name,
 * origin, trigger, tags, scale and licence, "Add to stack", and edit, delete or unpin.
 */
export function LoraLibraryItem({
  entry,
  isInStack,
  onAdd,
  onEdit,
}: {
  entry: LibraryEntry;
  isInStack: boolean;
  onAdd: () => void;
  onEdit: () => void;
}) {
  const thumbnail = usePlaygroundStore((s) => s.previews[entry.path]?.thumbnail ?? null);
  const { key, name } = entry;
  const hasMoreActions = entry.source === "saved" || thumbnail !== null;

  return (
    <li className="flex flex-col overflow-hidden rounded-lg border border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-900">
      <div className="relative">
        {thumbnail ? (
          // biome-ignore lint/performance/noImgElement: a small data URL made in the browser.
          <img
            src={thumbnail}
            alt={`Preview of ${name}`}
            className="aspect-[16/10] w-full bg-neutral-100 object-cover dark:bg-neutral-800"
          />
        ) : (
          <div
            aria-hidden="true"
            className="flex aspect-[16/10] w-full items-center justify-center bg-gradient-to-br from-accent-50 to-neutral-100 text-2xl font-semibold text-accent-700 dark:from-accent-700/30 dark:to-neutral-800 dark:text-accent-100"
          >
            {loraInitials(name)}
          </div>
        )}
        {isInStack ? (
          <span className="absolute top-2 left-2 rounded-sm bg-white/90 px-1.5 py-0.5 text-[11px] font-medium text-accent-700 shadow-sm dark:bg-neutral-900/90 dark:text-accent-100">
            In stack
          </span>
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-1.5 p-3">
        <div className="min-w-0">
          <p className="text-sm font-medium break-words text-neutral-900 dark:text-neutral-100">
            {name}
          </p>
          <p
            className="truncate font-mono text-[11px] text-neutral-600 dark:text-neutral-400"
            title={entry.path}
          >
            {entry.origin}
          </p>
        </div>
        {entry.trigger ? (
          <p
            className="line-clamp-2 text-xs text-neutral-700 dark:text-neutral-300"
            title={entry.trigger}
          >
            <span className="text-neutral-600 dark:text-neutral-400">Trigger </span>
            <q>{entry.trigger}</q>
          </p>
        ) : null}
        {entry.notes ? (
          <p className="line-clamp-2 text-xs text-neutral-600 italic dark:text-neutral-400">
            {entry.notes}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-1 text-[11px] text-neutral-600 dark:text-neutral-400">
          {entry.tags.length > 0 ? <span className="sr-only">Tags: </span> : null}
          {entry.tags.map((tag) => (
            <span
              key={tag}
              className="rounded-sm bg-neutral-100 px-1.5 py-px text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300"
            >
              {tag}
            </span>
          ))}
          <span className={`whitespace-nowrap tabular-nums ${entry.tags.length > 0 ? "ml-1" : ""}`}>
            scale {formatScale(entry.scale)}
          </span>
        </div>
        {entry.licence ? (
          <p className="text-[11px] text-neutral-600 dark:text-neutral-400">{entry.licence}</p>
        ) : null}
        <div className="mt-auto flex flex-col gap-1 pt-1.5">
          <Button
            id={libraryDomId(key, "add")}
            data-library-add=""
            size="sm"
            variant="secondary"
            onClick={onAdd}
            className="w-full justify-center"
          >
            <PlusIcon />
            <span>
              Add<Hidden> {name}</Hidden> to stack
            </span>
          </Button>
          {hasMoreActions ? (
            <LoraLibraryItemActions entry={entry} hasPreview={thumbnail !== null} onEdit={onEdit} />
          ) : null}
        </div>
      </div>
    </li>
  );
}
