/**
 * Whether a LoRA's base model is FLUX.1 Kontext [dev], from its card's `base_model` and the
 * Hub's `base_model:…` tags. Pure, isomorphic.
 */

/** The model fal's `flux-kontext-lora` endpoint runs. */
export const KONTEXT_DEV = "black-forest-labs/FLUX.1-Kontext-dev";
/** FLUX.1 [dev]: same architecture, trained for text-to-image rather than editing. */
export const FLUX_DEV = "black-forest-labs/FLUX.1-dev";

/** How well a LoRA is expected to work on Kontext [dev]. */
export type BaseModelFit = "kontext" | "flux-dev" | "other" | "unknown";

/** The verdict on a LoRA's base model. */
export interface BaseModelVerdict {
  fit: BaseModelFit;
  /** `ok` for Kontext [dev]; `warning` for FLUX.1 [dev] and unknown; `incompatible` otherwise. */
  severity: "ok" | "warning" | "incompatible";
  /** The base models declared (card and tags, deduplicated). */
  baseModels: string[];
  /** A sentence for people. */
  message: string;
}

const TAG = /^base_model:(?:(?:adapter|finetune|merge|quantized):)?(.+)$/;

/**
 * The base models a model declares: its card's `base_model` (string or list) and its Hub tags
 * `base_model:<id>` / `base_model:adapter:<id>` (and `finetune`/`merge`/`quantized`), in that
 * order, deduplicated case-insensitively.
 */
export function declaredBaseModels(
  cardBaseModels: readonly string[],
  tags: readonly string[],
): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    const trimmed = id.trim();
    if (trimmed && !seen.has(trimmed.toLowerCase())) {
      seen.add(trimmed.toLowerCase());
      found.push(trimmed);
    }
  };
  for (const id of cardBaseModels) add(id);
  for (const tag of tags) {
    const match = TAG.exec(tag);
    if (match?.[1]) add(match[1]);
  }
  return found;
}

/**
 * Judges declared base models: any FLUX.1 Kontext [dev] → `kontext` (ok); else FLUX.1 [dev] →
 * `flux-dev` (a warning: such LoRAs may half-work, since Kontext shares FLUX.1's architecture
 * but was trained for editing); else any other model → `other` (will not work); none declared →
 * `unknown` (a warning).
 */
export function judgeBaseModel(baseModels: readonly string[]): BaseModelVerdict {
  const list = [...baseModels];
  const has = (id: string) => list.some((model) => model.toLowerCase() === id.toLowerCase());
  if (has(KONTEXT_DEV)) {
    return {
      fit: "kontext",
      severity: "ok",
      baseModels: list,
      message: "Made for FLUX.1 Kontext [dev]",
    };
  }
  if (has(FLUX_DEV)) {
    return {
      fit: "flux-dev",
      severity: "warning",
      baseModels: list,
      message:
        "Made for FLUX.1 [dev], not Kontext [dev]: it may half-work (style often carries over, edits may not follow)",
    };
  }
  if (list.length > 0) {
    return {
      fit: "other",
      severity: "incompatible",
      baseModels: list,
      message: `Made for ${list.slice(0, 3).join(", ")}: it will not work with FLUX.1 Kontext [dev]`,
    };
  }
  return {
    fit: "unknown",
    severity: "warning",
    baseModels: list,
    message: "The card names no base model: it may not be made for FLUX.1 Kontext [dev]",
  };
}
