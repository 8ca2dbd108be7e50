/**
 * Putting a LoRA's trigger (the instruction it was trained with) into the prompt. Pure.
 */

function normalizeText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Whether the prompt already holds the trigger (case, spacing and a final period aside). */
export function promptHasTrigger(prompt: string, trigger: string): boolean {
  const needle = normalizeText(trigger).replace(/[.!]+$/, "");
  return needle.length > 0 && normalizeText(prompt).includes(needle);
}

/** The trigger as the whole prompt when it is empty, else the trigger as its first sentence. */
export function addTriggerToPrompt(prompt: string, trigger: string): string {
  const rest = prompt.trim();
  if (!rest) return trigger.trim();
  const sentence = /[.!?,;:]$/.test(trigger.trim()) ? trigger.trim() : `${trigger.trim()}.`;
  return `${sentence} ${rest}`;
}

/** What adding a LoRA did to the prompt: the new prompt, and a sentence that says so. */
export interface TriggerOutcome {
  /** The prompt after the add (unchanged unless `changed`). */
  prompt: string;
  changed: boolean;
  /** e.g. `Added Van Gogh; its trigger now starts the prompt.` */
  message: string;
}

/**
 * Adds the LoRA `name`'s trigger to `prompt` when `withTrigger` (whatever the prompt holds: it
 * becomes the prompt when that is empty, else its first sentence), unless the prompt has it, and
 * says what was done in one sentence.
 */
export function applyTrigger(
  prompt: string,
  name: string,
  trigger: string,
  withTrigger: boolean,
): TriggerOutcome {
  const text = trigger.trim();
  const unchanged = (message: string) => ({ prompt, changed: false, message });
  if (!text) return unchanged(`Added ${name}; it has no trigger.`);
  if (promptHasTrigger(prompt, text)) {
    return unchanged(`Added ${name}; the prompt already holds its trigger.`);
  }
  if (!withTrigger) return unchanged(`Added ${name}; its trigger was not put in the prompt.`);
  const isEmpty = prompt.trim() === "";
  return {
    prompt: addTriggerToPrompt(prompt, text),
    changed: true,
    message: isEmpty
      ? `Added ${name}; its trigger is now the prompt.`
      : `Added ${name}; its trigger now starts the prompt.`,
  };
}
