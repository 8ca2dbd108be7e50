"use client";

import { Button } from "@/components/ui/button";
import { findKnownLora } from "@/lib/kontext/known-loras";
import { formatScale } from "./format";
import { addTriggerToPrompt, loraDomId, promptHasTrigger, triggerButtonLabel } from "./lora-format";
import { usePlaygroundStore } from "./store-provider";

/** Names a known LoRA and offers its trigger when the prompt lacks it; nothing otherwise. */
export function LoraKnownHint({ id }: { id: string }) {
  const path = usePlaygroundStore((s) => s.loras.find((lora) => lora.id === id)?.path ?? "");
  const prompt = usePlaygroundStore((s) => s.prompt);
  const setPrompt = usePlaygroundStore((s) => s.setPrompt);
  const known = findKnownLora(path);
  if (!known) return null;
  const needsTrigger = !promptHasTrigger(prompt, known.trigger);
  const triggerId = loraDomId(id, "trigger");

  return (
    <div className="flex flex-col gap-2 rounded-md bg-neutral-50 px-3 py-2 text-xs text-neutral-600 sm:flex-row sm:items-center sm:justify-between dark:bg-neutral-800/60 dark:text-neutral-400">
      <div className="min-w-0">
        <p>
          <span className="font-medium text-neutral-900 dark:text-neutral-100">{known.name}</span>
          <span aria-hidden="true"> · </span>
          <span className="sr-only">, </span>
          recommended scale {formatScale(known.scale)}
        </p>
        {needsTrigger ? (
          <p id={triggerId} className="mt-0.5 break-words">
            Trigger: <q className="text-neutral-800 dark:text-neutral-200">{known.trigger}</q>
          </p>
        ) : null}
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
