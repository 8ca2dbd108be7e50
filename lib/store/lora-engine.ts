import type { StoreApi } from "zustand";
import { applyTrigger } from "@/lib/library/trigger";
import type { PlaygroundState } from "./state";

/**
 * The LoRA slice's work on a library LoRA's trigger, loaded at the first add from the library or
 * the Hub (`./lora-slice` adds the row itself at once): a session that types its LoRAs' URLs never
 * downloads it.
 */
export function createLoraEngine(
  set: StoreApi<PlaygroundState>["setState"],
  get: StoreApi<PlaygroundState>["getState"],
) {
  return {
    /**
     * The trigger part of the slice's `addLibraryLora` for its row `loraId`: the prompt, and
     * the notice that says what was done. Nothing when the row was removed meanwhile.
     */
    applyLoraTrigger: (
      loraId: string,
      { name, trigger }: { name: string; trigger: string },
      withTrigger: boolean,
    ): void => {
      if (!get().loras.some((lora) => lora.id === loraId)) return;
      const before = get().prompt;
      const outcome = applyTrigger(before, name, trigger, withTrigger);
      if (outcome.changed) get().setPrompt(outcome.prompt);
      set({
        loraNotice: {
          loraId,
          message: outcome.message,
          undo: outcome.changed ? { before, after: outcome.prompt } : null,
        },
      });
    },
  };
}
