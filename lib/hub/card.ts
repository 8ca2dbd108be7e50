/**
 * Reading a model card: its YAML front matter (with the `yaml` package, hardened against
 * hostile input) and the facts the playground needs from it. Pure, isomorphic.
 */
import { parse } from "yaml";
import { PLAYGROUND_LIMITS } from "@/lib/kontext/endpoint";

/** Longest front matter parsed (characters); a real card's is a few KiB. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;
/** Most aliases a front matter may use (YAML "billion laughs" defence). */
export const MAX_YAML_ALIASES = 50;
/** Most widget prompts and example images kept from a card. */
export const MAX_WIDGETS = 12;
const MAX_TEXT_CHARS = 500;

/** The outcome of {@link parseFrontMatter}: the metadata object, or none and why. */
export interface FrontMatter {
  data: Record<string, unknown> | null;
  /** Why there is no metadata: no front matter, too large, not YAML, not a mapping. */
  problem?: string;
}

const FENCE = /^\uFEFF?\s*---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Finds and parses the YAML front matter at the top of a model card (`README.md`), between two
 * `---` lines. Never throws: a missing, oversized (over {@link MAX_FRONT_MATTER_CHARS}), invalid
 * or alias-bomb front matter, or one that is not a mapping, gives `data: null` and a `problem`.
 */
export function parseFrontMatter(card: string): FrontMatter {
  const head = card.slice(0, MAX_FRONT_MATTER_CHARS + 2_048);
  const match = FENCE.exec(head);
  if (!match) {
    return {
      data: null,
      problem:
        card.length > head.length && /^\uFEFF?\s*---/.test(head)
          ? "The card's metadata is too large to read"
          : "The card has no metadata block",
    };
  }
  const yamlText = match[1] ?? "";
  if (yamlText.length > MAX_FRONT_MATTER_CHARS) {
    return { data: null, problem: "The card's metadata is too large to read" };
  }
  let value: unknown;
  try {
    value = parse(yamlText, {
      schema: "core",
      maxAliasCount: MAX_YAML_ALIASES,
      prettyErrors: false,
      uniqueKeys: false,
      // Errors still throw; warnings (e.g. unknown tags in a hostile card) are not logged.
      logLevel: "error",
    });
  } catch {
    return { data: null, problem: "The card's metadata is not valid YAML" };
  }
  if (!isRecord(value)) return { data: null, problem: "The card's metadata is not a mapping" };
  return { data: value };
}

/** Where a trigger came from. */
export type TriggerSource = "instance_prompt" | "widget";

/** What the playground takes from a card's metadata. */
export interface CardFacts {
  /** The trigger: `instance_prompt`, else the first widget prompt, else null. */
  trigger: { text: string; source: TriggerSource } | null;
  /** Every widget prompt (deduplicated, at most {@link MAX_WIDGETS}). */
  widgetPrompts: string[];
  /** `license` (an SPDX-like id, or `other` with `license_name`), and `license_link`. */
  licence: { id: string; name?: string; link?: string } | null;
  /** `base_model`, as a list (the card may give a string or a list). */
  baseModels: string[];
  /** Widget output image paths or URLs, as written in the card (not yet resolved). */
  exampleImages: string[];
}

/**
 * Extracts the trigger, widget prompts, licence, base models and example images from a card's
 * metadata (front matter or the Hub's `cardData`). Fields of the wrong type are ignored; texts
 * are trimmed and capped (a trigger at the prompt limit, other texts at 500 characters).
 */
export function cardFacts(data: Record<string, unknown> | null | undefined): CardFacts {
  const card = data ?? {};
  const widgetPrompts: string[] = [];
  const exampleImages: string[] = [];
  const widgets = Array.isArray(own(card, "widget")) ? (own(card, "widget") as unknown[]) : [];
  for (const widget of widgets.slice(0, 100)) {
    if (!isRecord(widget)) continue;
    const prompt = text(own(widget, "text"), PLAYGROUND_LIMITS.maxPromptChars);
    if (prompt && !widgetPrompts.includes(prompt) && widgetPrompts.length < MAX_WIDGETS) {
      widgetPrompts.push(prompt);
    }
    const output = own(widget, "output");
    const url = isRecord(output) ? text(own(output, "url"), 2_048) : null;
    if (url && !exampleImages.includes(url) && exampleImages.length < MAX_WIDGETS) {
      exampleImages.push(url);
    }
  }
  const instance = firstText(own(card, "instance_prompt"), PLAYGROUND_LIMITS.maxPromptChars);
  const firstWidget = widgetPrompts[0];
  const trigger = instance
    ? { text: instance, source: "instance_prompt" as const }
    : firstWidget
      ? { text: firstWidget, source: "widget" as const }
      : null;
  return {
    trigger,
    widgetPrompts,
    licence: licenceOf(card),
    baseModels: textList(own(card, "base_model")),
    exampleImages,
  };
}

function licenceOf(card: Record<string, unknown>): CardFacts["licence"] {
  const id = firstText(own(card, "license"), MAX_TEXT_CHARS);
  if (!id) return null;
  const licence: NonNullable<CardFacts["licence"]> = { id };
  const name = text(own(card, "license_name"), MAX_TEXT_CHARS);
  const link = text(own(card, "license_link"), 2_048);
  if (name) licence.name = name;
  if (link) licence.link = link;
  return licence;
}

/** A string value, trimmed and capped, or null when it is not a non-empty string. */
function text(value: unknown, max: number): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

/** A string, or the first string of a list. */
function firstText(value: unknown, max: number): string | null {
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 100)) {
      const found = text(item, max);
      if (found) return found;
    }
    return null;
  }
  return text(value, max);
}

/** A string or a list of strings, as a list (at most 20). */
function textList(value: unknown): string[] {
  const items = Array.isArray(value) ? value.slice(0, 100) : [value];
  const list: string[] = [];
  for (const item of items) {
    const found = text(item, MAX_TEXT_CHARS);
    if (found && !list.includes(found) && list.length < 20) list.push(found);
  }
  return list;
}

/** An own property only (a hostile card's `__proto__` or inherited names are never read). */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A plain object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
