/** Whether a key press happens while typing (in a text field, a select or editable text). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !["button", "checkbox", "radio", "range", "reset", "submit", "file", "color"].includes(
    target.type,
  );
}

/** Whether a key press is Ctrl+Enter (⌘+Enter on a Mac), not while composing text. */
export function isGenerateKey(event: KeyboardEvent): boolean {
  return event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.isComposing;
}

/** Whether a key press asks for the shortcuts list: `?` outside text fields, no Ctrl/⌘/Alt. */
export function isHelpKey(event: KeyboardEvent): boolean {
  return (
    event.key === "?" &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    !isTypingTarget(event.target)
  );
}
