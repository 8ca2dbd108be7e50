/**
 * The JSON the Hub routes answer with (see `lib/hub/handlers.ts` for the routes). Isomorphic:
 * the browser imports these types.
 */
import type { BaseModelVerdict } from "./base-model";
import type { TriggerSource } from "./card";
import type { WeightChoice } from "./files";

/** A LoRA's licence, from its card. */
export interface HubLicence {
  /** The card's `license` id, e.g. `apache-2.0`, `other`. */
  id: string;
  /** `license_name`, e.g. `flux-1-dev-non-commercial-license`. */
  name?: string;
  /** `license_link` as a URL on the Hub or an https URL. */
  link?: string;
}

/** What `GET /api/hub/model` answers with. */
export interface HubModelDetails {
  /** The repository's id now (after a rename, the new one). */
  id: string;
  /** The id that was asked for, when the Hub redirected to a renamed repository. */
  renamedFrom?: string;
  /** The model's page on the Hub. */
  pageUrl: string;
  /** The revision read: the one in the pasted link, else `main`. */
  revision: string;
  /** The commit the Hub reported, when it did. */
  sha?: string;
  author?: string;
  downloads: number;
  likes: number;
  /** ISO date of the last change, when known. */
  lastModified?: string;
  /** `false`, or how access is granted (`auto`, `manual`): fal cannot download gated files. */
  gated: false | "auto" | "manual";
  private: boolean;
  /** The trigger: the card's `instance_prompt`, else its first widget prompt, else null. */
  trigger: { text: string; source: TriggerSource } | null;
  /** A sentence about the trigger, e.g. "No trigger in the card". */
  triggerNote: string;
  /** Every widget prompt in the card (alternatives to offer). */
  widgetPrompts: string[];
  licence: HubLicence | null;
  baseModel: BaseModelVerdict;
  /** The weight files, the chosen one and why. */
  weights: WeightChoice;
  /** Example images as URLs on the Hub (card widget outputs, then image files), at most 12. */
  exampleImages: string[];
  /** Where the card metadata came from: the README's front matter, the Hub's `cardData`, none. */
  card: { source: "readme" | "api" | "none"; problem?: string };
  /** Warnings for people besides the base model's (gated, private). */
  warnings: string[];
}

/** One model in `GET /api/hub/search`'s list. */
export interface HubModelSummary {
  id: string;
  author?: string;
  pageUrl: string;
  downloads: number;
  likes: number;
  lastModified?: string;
  createdAt?: string;
  gated: false | "auto" | "manual";
  /** From the Hub's card data: the trigger, licence and first example image (may be null). */
  trigger: { text: string; source: TriggerSource } | null;
  licence: HubLicence | null;
  preview: string | null;
}

/** The sort orders of the browse list. */
export type HubSort = "downloads" | "likes" | "recent";

/** What `GET /api/hub/search` answers with. */
export interface HubSearchPage {
  q: string;
  sort: HubSort;
  /** 1-based. */
  page: number;
  pageSize: number;
  items: HubModelSummary[];
  hasMore: boolean;
}
