/** The DOM id of one control of a LoRA row (`path`, `scale`, `up`, `remove` …). */
export function loraDomId(id: string, part: string): string {
  return `lora-${id}-${part}`;
}

/** The id of the "Add LoRA" button, where focus goes when the last row is removed. */
export const ADD_LORA_BUTTON_ID = "lora-add-button";

/** The count shown beside the panel title: "2 active", "1 of 3 active", or null when empty. */
export function formatActiveCount(total: number, enabled: number): string | null {
  if (total <= 0) return null;
  return enabled === total ? `${total} active` : `${enabled} of ${total} active`;
}

/** The number typed in a scale box, or null while it is not a number yet ("", "-", "."). */
export function parseScaleDraft(text: string): number | null {
  const value = text.trim();
  if (!value) return null;
  const scale = Number(value);
  return Number.isFinite(scale) ? scale : null;
}

/** The label of the button that puts a LoRA's trigger in the prompt. */
export function triggerButtonLabel(prompt: string): string {
  return prompt.trim() ? "Add trigger to prompt" : "Use trigger as prompt";
}
