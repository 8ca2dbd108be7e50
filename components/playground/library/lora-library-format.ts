import type { KnownLora } from "@/lib/kontext/known-loras";
import type { UserLora } from "@/lib/library/types";

/** One LoRA of the library as the list shows it: curated or saved by the person. */
export interface LibraryEntry {
  /** Unique in the library: `curated-<id>` or `saved-<id>`; also the base of its DOM ids. */
  key: string;
  source: "curated" | "saved";
  /** The curated LoRA's or the saved LoRA's id. */
  id: string;
  name: string;
  path: string;
  trigger: string;
  scale: number;
  tags: readonly string[];
  /** Where it comes from: the Hugging Face repository (`owner/name`), else the URL's host. */
  origin: string;
  licence: string | null;
  notes: string;
}

/** The curated LoRAs as library entries, in their curated order. */
export function curatedEntries(loras: readonly KnownLora[]): LibraryEntry[] {
  return loras.map((lora) => ({
    key: `curated-${lora.id}`,
    source: "curated",
    id: lora.id,
    name: lora.name,
    path: lora.path,
    trigger: lora.trigger,
    scale: lora.scale,
    tags: lora.tags,
    origin: lora.repo,
    licence: lora.licence,
    notes: "",
  }));
}

/** Saved LoRAs as library entries, by name (then oldest first). */
export function savedEntries(loras: readonly UserLora[]): LibraryEntry[] {
  return [...loras]
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.createdAt - b.createdAt)
    .map((lora) => ({
      key: `saved-${lora.id}`,
      source: "saved",
      id: lora.id,
      name: lora.name,
      path: lora.path,
      trigger: lora.trigger,
      scale: lora.scale,
      tags: lora.tags ?? [],
      origin: loraOrigin(lora.path),
      licence: null,
      notes: lora.notes,
    }));
}

/** `owner/name` of a Hugging Face file URL, else the URL's host, else the path as given. */
export function loraOrigin(path: string): string {
  try {
    const url = new URL(path);
    const parts = url.pathname.split("/").filter(Boolean);
    const isHuggingFace = /(^|\.)(huggingface\.co|hf\.co)$/.test(url.hostname);
    if (isHuggingFace && parts.length >= 2 && parts[0] !== "datasets" && parts[0] !== "spaces") {
      return `${parts[0]}/${parts[1]}`;
    }
    return url.hostname;
  } catch {
    return path;
  }
}

function normalizeText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The entries that carry every chosen tag and contain every word of the query in their name,
 * origin, trigger, tags or notes.
 */
export function filterLibrary(
  entries: readonly LibraryEntry[],
  query: string,
  tags: readonly string[],
): LibraryEntry[] {
  const words = normalizeText(query).split(" ").filter(Boolean);
  return entries.filter((entry) => {
    if (!tags.every((tag) => entry.tags.includes(tag))) return false;
    if (words.length === 0) return true;
    const haystack = normalizeText(
      [entry.name, entry.origin, entry.trigger, entry.notes, ...entry.tags].join(" "),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** Every tag of the entries, most used first (then A–Z). */
export function libraryTags(entries: readonly LibraryEntry[]): string[] {
  const counts = new Map<string, number>();
  for (const tag of entries.flatMap((entry) => entry.tags)) {
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b, "en"))
    .map(([tag]) => tag);
}

/** The DOM id of one control of a library entry (`add`, `edit`, `delete` …). */
export function libraryDomId(key: string, part: string): string {
  return `library-${key}-${part}`;
}

/** "5 of 20 LoRAs shown", or "All 20 LoRAs" when nothing is filtered out. */
export function formatShownCount(shown: number, total: number): string {
  const noun = total === 1 ? "LoRA" : "LoRAs";
  return shown === total ? `All ${total} ${noun}` : `${shown} of ${total} ${noun} shown`;
}

/** Up to two initials of a LoRA's name ("Van Gogh style" → "VG"), shown when it has no preview. */
export function loraInitials(name: string): string {
  const words = name.split(/[\s_-]+/).filter(Boolean);
  const letters = words.slice(0, 2).map((word) => [...word][0] ?? "");
  return letters.join("").toUpperCase() || "?";
}
