"use client";

import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { addTriggerToPrompt, promptHasTrigger } from "@/lib/library/trigger";
import { selectLibraryLora } from "@/lib/store/library-selectors";
import { loraDomId, triggerButtonLabel } from "./lora-format";

/**
 * For a LoRA of the library (curated or saved) whose trigger the prompt lacks: the trigger and a
 * button that puts it in the prompt. Nothing otherwise.
 */
export function LoraKnownHint({ id }: { id: string }) {
  const path = usePlaygroundStore((s) => s.loras.find((lora) => lora.id === id)?.path ?? "");
  const known = usePlaygroundStore(useShallow((s) => selectLibraryLora(path.trim())(s)));
  const prompt = usePlaygroundStore((s) => s.prompt);
  const setPrompt = usePlaygroundStore((s) => s.setPrompt);
  if (!known || known.trigger === "" || promptHasTrigger(prompt, known.trigger)) return null;
  const triggerId = loraDomId(id, "trigger");

  return (
    <div className="flex flex-col gap-2 rounded-md bg-neutral-50 px-3 py-2 text-xs text-neutral-600 sm:flex-row sm:items-center sm:justify-between dark:bg-neutral-800/60 dark:text-neutral-400">
      <p id={triggerId} className="min-w-0 break-words">
        Trigger: <q className="text-neutral-800 dark:text-neutral-200">{known.trigger}</q>
      </p>
      <Button
        size="sm"
        variant="secondary"
        aria-describedby={triggerId}
        className="shrink-0 self-start sm:self-auto"
        onClick={() => setPrompt(addTriggerToPrompt(prompt, known.trigger))}
      >
        {triggerButtonLabel(prompt)}
      </Button>
    </div>
  );
}
