"use client";

import { useState } from "react";
import { HubLookupButton } from "@/components/playground/hub/hub-lookup-button";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { focusAfterRender } from "@/components/ui/focus";
import { normalizeLoraPath } from "@/lib/domain/lora-path";
import { parseHubReference } from "@/lib/hub/reference";
import { loraDomId } from "./lora-format";
import { LoraPathField } from "./lora-path-field";

/**
 * The weight file's path behind a disclosure: the row leads with the style, not the URL. It is
 * open (and cannot be closed) while the path is empty or invalid, so its error stays in view,
 * and stays open once focus has been in it.
 * A Hugging Face path offers "Look up on Hugging Face".
 */
export function LoraPathDisclosure({ id }: { id: string }) {
  const path = usePlaygroundStore((s) => s.loras.find((lora) => lora.id === id)?.path ?? "");
  const hasStoreError = usePlaygroundStore((s) => s.fieldErrors[`lora:${id}:path`] !== undefined);
  const [isOpen, setIsOpen] = useState(false);
  const trimmed = path.trim();
  const mustOpen = !trimmed || hasStoreError || !normalizeLoraPath(trimmed).ok;
  const isHub = trimmed !== "" && parseHubReference(trimmed).ok;

  return (
    <details
      open={isOpen || mustOpen}
      onToggle={(event) => {
        const details = event.currentTarget;
        // Shut while the path needs fixing: reopened, so its error stays in view.
        if (!details.open && mustOpen) details.open = true;
        else setIsOpen(details.open);
      }}
      // Once someone works in it, it stays open (it never shuts while a path is being typed).
      onFocus={() => setIsOpen(true)}
      className="group rounded-md text-sm"
    >
      <summary
        id={loraDomId(id, "path-summary")}
        className="flex cursor-pointer list-none items-center gap-1.5 rounded-sm text-xs font-medium text-neutral-700 select-none hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:text-neutral-300 dark:hover:text-neutral-100 [&::-webkit-details-marker]:hidden"
      >
        <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
          ›
        </span>
        <span className="whitespace-nowrap">Weight file</span>
        {trimmed && !(isOpen || mustOpen) ? (
          <span className="min-w-0 truncate font-mono font-normal text-neutral-500 dark:text-neutral-400">
            {trimmed.split("/").pop()}
          </span>
        ) : null}
      </summary>
      <div className="mt-2 flex flex-col gap-1.5">
        <LoraPathField id={id} />
        {isHub ? (
          <HubLookupButton
            reference={trimmed}
            onAdded={(loraId) => focusAfterRender([loraDomId(loraId, "scale")])}
          />
        ) : null}
      </div>
    </details>
  );
}
