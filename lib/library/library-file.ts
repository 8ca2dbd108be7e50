import { PLAYGROUND_LIMITS } from "@/lib/kontext/endpoint";
import { parseJson } from "@/lib/persist/json-document";
import { LIBRARY_VERSION, type LibraryContents, type LoraPreview, type UserLora } from "./types";

/**
 * The library as a JSON file: its format, limits and writing, without the schemas that read it
 * (`./library-json`), so the store can export and recognise a library without loading zod.
 */

/** The `format` of an exported library. */
export const LIBRARY_FORMAT = "kontext-playground/lora-library";
/** The most LoRAs (and previews) one library file may hold. */
export const MAX_LIBRARY_ENTRIES = 2_000;
/** The largest library file read (2,000 previews of about 10 KB each, with room to spare). */
export const MAX_LIBRARY_FILE_BYTES = 32 * 1024 ** 2;

/** An exported library: `{ format, version, exportedAt, loras, previews? }`. */
export interface LibraryDocument {
  format: typeof LIBRARY_FORMAT;
  version: number;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  loras: UserLora[];
  previews?: LoraPreview[];
}

/** The export document of a library; `now` in milliseconds since the epoch. */
export function toLibraryDocument(contents: LibraryContents, now: number): LibraryDocument {
  return {
    format: LIBRARY_FORMAT,
    version: LIBRARY_VERSION,
    exportedAt: new Date(now).toISOString(),
    loras: contents.loras,
    ...(contents.previews.length > 0 ? { previews: contents.previews } : {}),
  };
}

/** The export file's text: the document, indented for people who open it. */
export function libraryJsonText(contents: LibraryContents, now: number): string {
  return `${JSON.stringify(toLibraryDocument(contents, now), null, 2)}\n`;
}

/** `kontext-lora-library-2026-11-23.json`. */
export function libraryFilename(now: number): string {
  return `kontext-lora-library-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/** Whether JSON text claims to be an exported library (its `format`), before any other check. */
export function looksLikeLibraryJson(text: string): boolean {
  const json = parseJson(text);
  const value = json?.value;
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { format?: unknown }).format === LIBRARY_FORMAT
  );
}

/** Result of {@link parseLibraryJson}: never throws; `message` says what is wrong, for people. */

/** Limits of a saved LoRA and a preview (the path's and scale's come from the endpoint's). */
export const LIBRARY_LIMITS = {
  maxNameChars: 100,
  /** A trigger is (the start of) a prompt, so it has the prompt's limit. */
  maxTriggerChars: PLAYGROUND_LIMITS.maxPromptChars,
  maxNotesChars: 2_000,
  maxTags: 12,
  maxTagChars: 32,
  maxIdChars: 200,
  /** A 192 px JPEG thumbnail is 5–20 KB; this leaves room and refuses whole images. */
  maxThumbnailChars: 200_000,
} as const;
