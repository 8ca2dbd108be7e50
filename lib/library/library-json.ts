import { formatCount } from "@/lib/domain/text";
import * as z from "@/lib/kontext/zod";
import { describeIssues, FILE_IMPORT_STYLE } from "@/lib/persist/issues";
import { checkDocumentHeader, parseJson } from "@/lib/persist/json-document";
import { LIBRARY_FORMAT, MAX_LIBRARY_ENTRIES } from "./library-file";
import { LIBRARY_VERSION, type LibraryContents, type LoraPreview, type UserLora } from "./types";
import { loraPreviewSchema, userLoraSchema } from "./validation";

/**
 * Reading a library's JSON file (the schemas: zod) and how an import merges into a library; its
 * format and writing are in `./library-file`. Pure; runs in the browser and in Node.
 */

export type ParseLibraryResult =
  | { ok: true; library: LibraryContents }
  | { ok: false; message: string };

const listSchema = z.array(z.unknown()).check(z.maxLength(MAX_LIBRARY_ENTRIES));

/**
 * Reads an exported library. Refuses, with a message for people, text that is not JSON, JSON that
 * is not a library (naming what it is), a library written by a newer version, a damaged entry
 * (naming the entry and its field: `LoRA 3 ("Ghibli"): 'path': …`) and two LoRAs or previews with
 * the same path. Paths come back normalised, tags lower-cased.
 */
export function parseLibraryJson(text: string): ParseLibraryResult {
  const json = parseJson(text);
  if (!json) return { ok: false, message: "This file is not valid JSON" };
  const header = checkDocumentHeader(json.value, LIBRARY_FORMAT, "LoRA library", LIBRARY_VERSION);
  if (header) return { ok: false, message: header };
  const document = json.value as { loras?: unknown; previews?: unknown };
  if (document.loras === undefined)
    return { ok: false, message: "The library has no 'loras' list" };
  const loraList = listSchema.safeParse(document.loras);
  if (!loraList.success) return { ok: false, message: listProblem("loras", document.loras) };
  const previewList = listSchema.safeParse(document.previews ?? []);
  if (!previewList.success) {
    return { ok: false, message: listProblem("previews", document.previews) };
  }

  const loras: UserLora[] = [];
  for (const [index, entry] of loraList.data.entries()) {
    const parsed = userLoraSchema.safeParse(entry);
    if (!parsed.success) {
      return {
        ok: false,
        message: `LoRA ${index + 1}${entryName(entry)} is invalid: ${describeIssues(parsed.error, FILE_IMPORT_STYLE)}`,
      };
    }
    const twin = loras.findIndex((lora) => lora.path === parsed.data.path);
    if (twin >= 0) {
      return {
        ok: false,
        message: `LoRA ${index + 1}${entryName(entry)} has the same path as LoRA ${twin + 1}`,
      };
    }
    loras.push(withoutEmptyTags(parsed.data));
  }

  const previews: LoraPreview[] = [];
  for (const [index, entry] of previewList.data.entries()) {
    const parsed = loraPreviewSchema.safeParse(entry);
    if (!parsed.success) {
      return {
        ok: false,
        message: `Preview ${index + 1} is invalid: ${describeIssues(parsed.error, FILE_IMPORT_STYLE)}`,
      };
    }
    if (previews.some((preview) => preview.path === parsed.data.path)) {
      return { ok: false, message: `Preview ${index + 1} is a second preview of the same LoRA` };
    }
    previews.push(parsed.data);
  }
  return { ok: true, library: { loras, previews } };
}

function listProblem(field: string, value: unknown): string {
  return Array.isArray(value) && value.length > MAX_LIBRARY_ENTRIES
    ? `The library's '${field}' holds more than ${formatCount(MAX_LIBRARY_ENTRIES)} entries`
    : `The library's '${field}' is not a list`;
}

/** ` ("Name")` when an entry has a usable name, for messages. */
function entryName(entry: unknown): string {
  if (typeof entry !== "object" || entry === null) return "";
  const { name } = entry as { name?: unknown };
  if (typeof name !== "string" || !name.trim()) return "";
  const short = name.trim().length > 40 ? `${name.trim().slice(0, 40)}…` : name.trim();
  return ` (${JSON.stringify(short)})`;
}

function withoutEmptyTags(lora: UserLora): UserLora {
  if (lora.tags === undefined || lora.tags.length > 0) return lora;
  const { tags: _empty, ...rest } = lora;
  return rest;
}

/** What merging an import changed. */
export interface LibraryMerge {
  /** The library after the merge. */
  library: LibraryContents;
  /** LoRAs and previews to write (new or changed); nothing else needs saving. */
  changed: LibraryContents;
  /** LoRAs whose path was not in the library. */
  added: number;
  /** LoRAs whose path was in the library, with different details (now the imported ones). */
  updated: number;
  /** LoRAs already in the library exactly as imported. */
  unchanged: number;
  /** Previews that were new or newer than the library's. */
  previews: number;
}

/**
 * Merges an imported library into `current`, matching LoRAs by path: a new path is added (under a
 * new id when its id is taken), a known path is updated with the imported name, trigger, scale,
 * notes and tags (keeping its id and creation time). A preview replaces the library's one for the
 * same path only when it was pinned later. Previews of LoRAs that are in neither library nor
 * `knownPaths` (the curated ones) are left out.
 */
export function mergeLibrary(
  current: LibraryContents,
  incoming: LibraryContents,
  options: { newId: () => string; knownPaths: ReadonlySet<string> },
): LibraryMerge {
  const loras = [...current.loras];
  const changedLoras: UserLora[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const lora of incoming.loras) {
    const index = loras.findIndex((existing) => existing.path === lora.path);
    const existing = loras[index];
    if (!existing) {
      const isIdTaken = loras.some((other) => other.id === lora.id);
      const fresh = isIdTaken ? { ...lora, id: options.newId() } : lora;
      loras.push(fresh);
      changedLoras.push(fresh);
      added += 1;
      continue;
    }
    const merged = { ...lora, id: existing.id, createdAt: existing.createdAt };
    if (sameLora(existing, merged)) {
      unchanged += 1;
      continue;
    }
    loras[index] = merged;
    changedLoras.push(merged);
    updated += 1;
  }

  const paths = new Set([...options.knownPaths, ...loras.map((lora) => lora.path)]);
  const previews = new Map(current.previews.map((preview) => [preview.path, preview]));
  const changedPreviews: LoraPreview[] = [];
  for (const preview of incoming.previews) {
    const existing = previews.get(preview.path);
    if (!paths.has(preview.path) || (existing && existing.pinnedAt >= preview.pinnedAt)) continue;
    previews.set(preview.path, preview);
    changedPreviews.push(preview);
  }
  return {
    library: { loras, previews: [...previews.values()] },
    changed: { loras: changedLoras, previews: changedPreviews },
    added,
    updated,
    unchanged,
    previews: changedPreviews.length,
  };
}

function sameLora(a: UserLora, b: UserLora): boolean {
  return (
    a.name === b.name &&
    a.path === b.path &&
    a.trigger === b.trigger &&
    a.scale === b.scale &&
    a.notes === b.notes &&
    (a.tags ?? []).join("\n") === (b.tags ?? []).join("\n")
  );
}
