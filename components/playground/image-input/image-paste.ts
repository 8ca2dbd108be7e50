/** What the paste handler reads from a clipboard (a `DataTransfer` fits). */
export interface ClipboardLike {
  items?: ArrayLike<{ kind: string; type: string; getAsFile: () => File | null }> | null;
  files?: ArrayLike<File> | null;
  getData: (format: string) => string;
}

const TEXT_INPUT_TYPES = new Set([
  "",
  "text",
  "search",
  "url",
  "email",
  "tel",
  "password",
  "number",
]);

/** Whether a paste target takes typed text: a text-like input, a textarea or editable content. */
export function isTextEntryTarget(target: unknown): boolean {
  if (!target || typeof target !== "object") return false;
  const element = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown };
  if (element.isContentEditable === true) return true;
  const tag = typeof element.tagName === "string" ? element.tagName.toUpperCase() : "";
  if (tag === "TEXTAREA") return true;
  if (tag !== "INPUT") return false;
  return TEXT_INPUT_TYPES.has(typeof element.type === "string" ? element.type.toLowerCase() : "");
}

/**
 * The image file a paste should use as the input, or null when the paste is left alone: no image
 * file on the clipboard, or text pasted into a text field (text wins there, so copying a
 * spreadsheet or document selection that also carries a picture still pastes its text).
 */
export function pickPastedImage(clipboard: ClipboardLike, targetTakesText: boolean): File | null {
  if (targetTakesText && clipboard.getData("text/plain").trim() !== "") return null;
  const items = clipboard.items ? Array.from(clipboard.items) : [];
  for (const item of items) {
    if (item.kind !== "file" || !item.type.startsWith("image/")) continue;
    const file = item.getAsFile();
    if (file) return file;
  }
  // Some browsers list pasted files only in `files`.
  const files = clipboard.files ? Array.from(clipboard.files) : [];
  return files.find((file) => file.type.startsWith("image/")) ?? null;
}
