"use client";

import type { KeyboardEvent } from "react";
import type { KnownLora } from "@/lib/kontext/known-loras";
import { formatScale } from "./format";

/** The known LoRAs that match the search, one button each. */
export function LoraKnownList({
  loras,
  stackPaths,
  onChoose,
  onKeyDown,
}: {
  loras: readonly KnownLora[];
  /** Paths already in the stack, marked "In stack". */
  stackPaths: readonly string[];
  onChoose: (lora: KnownLora) => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  if (loras.length === 0) {
    return <p className="px-1 py-2 text-sm text-neutral-600 dark:text-neutral-400">No matches.</p>;
  }
  return (
    <ul
      aria-label="Known LoRAs"
      className="flex max-h-80 flex-col gap-1 overflow-y-auto overscroll-contain pr-1"
    >
      {loras.map((lora) => (
        <li key={lora.id}>
          <button
            type="button"
            title={lora.trigger}
            aria-labelledby={`known-lora-${lora.id}-name`}
            aria-describedby={`known-lora-${lora.id}-details`}
            onClick={() => onChoose(lora)}
            onKeyDown={onKeyDown}
            className="flex w-full flex-col gap-1 rounded-md px-2.5 py-2 text-left hover:bg-neutral-100 focus-visible:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-accent-500 dark:hover:bg-neutral-800 dark:focus-visible:bg-neutral-800"
          >
            <span className="flex w-full items-baseline justify-between gap-2">
              <span className="text-sm font-medium text-neutral-900 dark:text-neutral-100">
                <span id={`known-lora-${lora.id}-name`}>{lora.name}</span>
                {stackPaths.includes(lora.path) ? (
                  <span className="ml-2 text-xs font-normal text-accent-700 dark:text-accent-400">
                    In stack
                  </span>
                ) : null}
              </span>
              <span className="shrink-0 text-xs text-neutral-600 tabular-nums dark:text-neutral-400">
                scale {formatScale(lora.scale)}
              </span>
            </span>
            <span className="truncate font-mono text-[11px] text-neutral-600 dark:text-neutral-400">
              {lora.repo}
            </span>
            <span className="flex flex-wrap gap-1">
              {lora.tags.map((tag) => (
                <span
                  key={tag}
                  className="rounded-sm bg-neutral-100 px-1.5 py-px text-[11px] text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300"
                >
                  {tag}
                </span>
              ))}
            </span>
            <span id={`known-lora-${lora.id}-details`} className="sr-only">
              {stackPaths.includes(lora.path) ? "In stack. " : ""}
              {`${lora.repo}. Tags: ${lora.tags.join(", ")}. Recommended scale ${formatScale(lora.scale)}.`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
