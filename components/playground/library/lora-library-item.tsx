"use client";

import { Hidden } from "@/components/playground/runs/result-action-button";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { formatScale } from "@/components/ui/format";
import { PlusIcon } from "@/components/ui/icons";
import { type LibraryEntry, libraryDomId, loraInitials } from "./lora-library-format";
import { LoraLibraryItemActions } from "./lora-library-item-actions";

/**
 * One LoRA of the library: its preview (or initials), name, origin, trigger, tags, scale and
 * licence, "Add to stack", and edit, delete or unpin where they apply.
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
    <li className="flex gap-2.5 rounded-lg sm:gap-3 border border-neutral-200 bg-white p-2.5 dark:border-neutral-800 dark:bg-neutral-900">
      {thumbnail ? (
        // biome-ignore lint/performance/noImgElement: a small data URL made in the browser.
        <img
          src={thumbnail}
          alt={`Preview of ${name}`}
          className="size-12 shrink-0 rounded-md bg-neutral-100 object-cover sm:size-14 ring-1 ring-black/5 dark:bg-neutral-800 dark:ring-white/10"
        />
      ) : (
        <div
          aria-hidden="true"
          className="flex size-12 shrink-0 items-center justify-center rounded-md bg-neutral-100 text-sm font-semibold text-neutral-600 sm:size-14 dark:bg-neutral-800 dark:text-neutral-400"
        >
          {loraInitials(name)}
        </div>
      )}
      <div className="@container flex min-w-0 flex-1 flex-col gap-1.5">
        <div className="flex flex-col gap-2 @[17rem]:flex-row @[17rem]:items-start @[17rem]:justify-between">
          <div className="min-w-0">
            <p className="text-sm font-medium break-words text-neutral-900 dark:text-neutral-100">
              <span>{name}</span>
              {isInStack ? (
                <span className="ml-2 rounded-sm bg-accent-50 px-1 py-px text-[11px] font-medium text-accent-700 dark:bg-accent-500/15 dark:text-accent-100">
                  In stack
                </span>
              ) : null}
            </p>
            <p
              className="truncate font-mono text-[11px] text-neutral-600 dark:text-neutral-400"
              title={entry.path}
            >
              {entry.origin}
            </p>
          </div>
          <Button
            id={libraryDomId(key, "add")}
            data-library-add=""
            size="sm"
            variant="secondary"
            onClick={onAdd}
            className="self-start"
          >
            <PlusIcon />
            <span>
              Add<Hidden> {name}</Hidden> to stack
            </span>
          </Button>
        </div>
        {entry.trigger ? (
          <p
            className="line-clamp-2 text-xs text-neutral-700 dark:text-neutral-300"
            title={entry.trigger}
          >
            <span className="text-neutral-500 dark:text-neutral-400">Trigger </span>
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
          {entry.licence ? <span>· {entry.licence}</span> : null}
        </div>
        {hasMoreActions ? (
          <LoraLibraryItemActions entry={entry} hasPreview={thumbnail !== null} onEdit={onEdit} />
        ) : null}
      </div>
    </li>
  );
}
