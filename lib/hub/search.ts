import "server-only";
import { listModels } from "@huggingface/hub";
import { KONTEXT_DEV } from "./base-model";
import { cardFacts, isRecord } from "./card";
import type { HubConfig } from "./config";
import { HubError } from "./errors";
import { createGuardedFetch } from "./guarded-fetch";
import type { HubModelSummary, HubSearchPage, HubSort } from "./types";
import { resolveCardImage } from "./urls";

/** Models per page of the browse list. */
export const HUB_PAGE_SIZE = 20;
/** Last page offered (the Hub's listing has no offset, so page N reads N × 20 + 1 models). */
export const MAX_HUB_PAGE = 20;
/** Longest search text (characters). */
export const MAX_QUERY_CHARS = 100;
/** Largest listing answer read (bytes). */
export const MAX_LIST_BYTES = 4 * 1024 * 1024;
/** The Hub tag of LoRAs (adapters) whose base model is FLUX.1 Kontext [dev]. */
export const KONTEXT_ADAPTER_TAG = `base_model:adapter:${KONTEXT_DEV}`;

const HUB_SORT: Record<HubSort, "downloads" | "likes" | "createdAt"> = {
  downloads: "downloads",
  likes: "likes",
  recent: "createdAt",
};

/** A checked browse query. */
export interface HubSearchQuery {
  q: string;
  sort: HubSort;
  page: number;
}

/**
 * Checks the browse query string: `q` (optional, at most 100 characters, no control
 * characters), `sort` (`downloads` default, `likes`, `recent`) and `page` (1-based, 1–20).
 * Throws a `bad_query` {@link HubError} naming the problem.
 */
export function parseSearchQuery(params: URLSearchParams): HubSearchQuery {
  const q = (params.get("q") ?? "").trim();
  if (q.length > MAX_QUERY_CHARS) {
    throw new HubError("bad_query", `Keep the search to ${MAX_QUERY_CHARS} characters`);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(q)) {
    throw new HubError("bad_query", "The search contains control characters");
  }
  const sortRaw = params.get("sort") ?? "downloads";
  if (!(sortRaw in HUB_SORT)) {
    throw new HubError("bad_query", "sort must be downloads, likes or recent");
  }
  const pageRaw = params.get("page") ?? "1";
  const page = Number(pageRaw);
  if (!/^\d+$/.test(pageRaw) || page < 1 || page > MAX_HUB_PAGE) {
    throw new HubError("bad_query", `page must be a whole number from 1 to ${MAX_HUB_PAGE}`);
  }
  return { q, sort: sortRaw as HubSort, page };
}

/**
 * One page of Hub models tagged as adapters of FLUX.1 Kontext [dev]
 * (`filter=base_model:adapter:black-forest-labs/FLUX.1-Kontext-dev`), matching `q` by name,
 * sorted by downloads, likes or creation date (newest first), through `@huggingface/hub`'s
 * `listModels` with card data, tags, author and creation date expanded. Throws a
 * {@link HubError} on failure.
 */
export async function searchModels(
  query: HubSearchQuery,
  config: HubConfig,
  baseFetch: typeof fetch = fetch,
): Promise<HubSearchPage> {
  const end = query.page * HUB_PAGE_SIZE;
  const models = listModels({
    search: { ...(query.q ? { query: query.q } : {}), tags: [KONTEXT_ADAPTER_TAG] },
    sort: HUB_SORT[query.sort],
    limit: end + 1,
    additionalFields: ["cardData", "tags", "author", "createdAt"],
    hubUrl: config.origin,
    fetch: createGuardedFetch(
      config,
      { what: "the model search", maxBytes: MAX_LIST_BYTES },
      baseFetch,
    ),
  });
  const items: HubModelSummary[] = [];
  let seen = 0;
  for await (const model of models) {
    seen++;
    if (seen > end - HUB_PAGE_SIZE && seen <= end) items.push(summarise(model, config.origin));
  }
  return {
    q: query.q,
    sort: query.sort,
    page: query.page,
    pageSize: HUB_PAGE_SIZE,
    items,
    hasMore: seen > end,
  };
}

interface ListedModel {
  name: unknown;
  downloads: unknown;
  likes: unknown;
  gated: unknown;
  updatedAt: unknown;
  cardData?: unknown;
  author?: unknown;
  createdAt?: unknown;
}

function summarise(model: ListedModel, origin: string): HubModelSummary {
  if (typeof model.name !== "string" || !model.name.includes("/")) {
    throw new HubError("bad_answer", "The Hub's model list has an entry without an id");
  }
  const id = model.name;
  const facts = cardFacts(isRecord(model.cardData) ? model.cardData : null);
  let preview: string | null = null;
  for (const image of facts.exampleImages) {
    preview = resolveCardImage(origin, id, "main", image);
    if (preview) break;
  }
  const summary: HubModelSummary = {
    id,
    pageUrl: `${origin}/${id}`,
    downloads: count(model.downloads),
    likes: count(model.likes),
    gated: model.gated === "auto" || model.gated === "manual" ? model.gated : false,
    trigger: facts.trigger,
    licence: facts.licence
      ? { id: facts.licence.id, ...(facts.licence.name ? { name: facts.licence.name } : {}) }
      : null,
    preview,
  };
  if (typeof model.author === "string") summary.author = model.author;
  const updated = model.updatedAt instanceof Date ? model.updatedAt : null;
  if (updated && !Number.isNaN(updated.getTime())) summary.lastModified = updated.toISOString();
  if (typeof model.createdAt === "string" && !Number.isNaN(Date.parse(model.createdAt))) {
    summary.createdAt = new Date(model.createdAt).toISOString();
  }
  return summary;
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : 0;
}
