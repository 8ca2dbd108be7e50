"use client";

import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { formatScale } from "@/components/ui/format";
import { selectLibraryLora } from "@/lib/store/library-slice";
import { addTriggerToPrompt, loraDomId, promptHasTrigger, triggerButtonLabel } from "./lora-format";

/**
 * Names a LoRA of the library (curated or saved), with its preview when one is pinned, and offers
 * its trigger when the prompt lacks it; nothing for other LoRAs.
 */
export function LoraKnownHint({ id }: { id: string }) {
  const path = usePlaygroundStore((s) => s.loras.find((lora) => lora.id === id)?.path ?? "");
  const known = usePlaygroundStore(useShallow((s) => selectLibraryLora(path)(s)));
  const thumbnail = usePlaygroundStore((s) => s.previews[path]?.thumbnail ?? null);
  const prompt = usePlaygroundStore((s) => s.prompt);
  const setPrompt = usePlaygroundStore((s) => s.setPrompt);
  if (!known) return null;
  const needsTrigger = known.trigger !== "" && !promptHasTrigger(prompt, known.trigger);
  const triggerId = loraDomId(id, "trigger");

  return (
    <div className="flex flex-col gap-2 rounded-md bg-neutral-50 px-3 py-2 text-xs text-neutral-600 sm:flex-row sm:items-center sm:justify-between dark:bg-neutral-800/60 dark:text-neutral-400">
      <div className="flex min-w-0 items-center gap-2.5">
        {thumbnail ? (
          // biome-ignore lint/performance/noImgElement: a small data URL made in the browser.
          <img src={thumbnail} alt="" className="size-9 shrink-0 rounded object-cover" />
        ) : null}
        <div className="min-w-0">
          <p>
            <span className="font-medium text-neutral-900 dark:text-neutral-100">{known.name}</span>
            <span aria-hidden="true"> · </span>
            <span className="sr-only">, </span>
            {known.source === "saved" ? "default scale" : "recommended scale"}{" "}
            {formatScale(known.scale)}
          </p>
          {needsTrigger ? (
            <p id={triggerId} className="mt-0.5 break-words">
              Trigger: <q className="text-neutral-800 dark:text-neutral-200">{known.trigger}</q>
            </p>
          ) : null}
        </div>
      </div>
      {needsTrigger ? (
        <Button
          size="sm"
          variant="secondary"
          aria-describedby={triggerId}
          onClick={() => setPrompt(addTriggerToPrompt(prompt, known.trigger))}
        >
          {triggerButtonLabel(prompt)}
        </Button>
      ) : null}
    </div>
  );
}
