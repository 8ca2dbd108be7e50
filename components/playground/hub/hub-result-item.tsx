"use client";

import { useState } from "react";
import type { HubModelSummary } from "@/lib/hub/types";
import { formatCount, formatLicence, repoName } from "./hub-format";

/** One model of the browse list: preview (else initials), name, counts, trigger, licence. */
export function HubResultItem({ item, onOpen }: { item: HubModelSummary; onOpen: () => void }) {
  const [isPreviewBroken, setIsPreviewBroken] = useState(false);
  const name = repoName(item.id);

  return (
    <li className="flex items-center gap-3 rounded-lg border border-neutral-200 p-2 dark:border-neutral-800">
      {item.preview && !isPreviewBroken ? (
        // biome-ignore lint/performance/noImgElement: an image on the Hub, not optimised here.
        <img
          src={item.preview}
          alt=""
          loading="lazy"
          referrerPolicy="no-referrer"
          onError={() => setIsPreviewBroken(true)}
          className="size-12 shrink-0 rounded-md bg-neutral-100 object-cover dark:bg-neutral-800"
        />
      ) : (
        <span
          aria-hidden="true"
          className="flex size-12 shrink-0 items-center justify-center rounded-md bg-accent-50 text-sm font-semibold text-accent-700 dark:bg-accent-700/30 dark:text-accent-100"
        >
          {name.slice(0, 2).toUpperCase()}
        </span>
      )}
      <div className="min-w-0 flex-1">
        <button
          type="button"
          onClick={onOpen}
          className="text-left text-sm font-medium break-all text-accent-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-accent-400"
        >
          {name}
        </button>
        <p className="truncate text-xs text-neutral-600 dark:text-neutral-400">
          {item.author ?? item.id.split("/")[0]} · {formatCount(item.downloads)} downloads ·{" "}
          {formatCount(item.likes)} likes · {formatLicence(item.licence)}
          {item.gated ? " · gated" : ""}
        </p>
        <p className="truncate text-xs text-neutral-700 dark:text-neutral-300">
          {item.trigger ? (
            <>
              Trigger: <q>{item.trigger.text}</q>
            </>
          ) : (
            "No trigger in the card data"
          )}
        </p>
      </div>
    </li>
  );
}
