import "server-only";
import { listFiles, modelInfo } from "@huggingface/hub";
import { declaredBaseModels, judgeBaseModel } from "./base-model";
import { cardFacts, isRecord, parseFrontMatter } from "./card";
import type { HubConfig } from "./config";
import { HubError } from "./errors";
import { chooseWeightFile, type RepoFile } from "./files";
import { createGuardedFetch } from "./guarded-fetch";
import type { HubReference } from "./reference";
import type { HubLicence, HubModelDetails } from "./types";
import { isImageFile, resolveCardImage } from "./urls";

/** Largest model-info answer read (bytes). */
export const MAX_INFO_BYTES = 1024 * 1024;
/** Largest page of the file tree read (bytes). */
export const MAX_TREE_BYTES = 2 * 1024 * 1024;
/** Largest card (`README.md`) read (bytes); a larger card falls back to the Hub's card data. */
export const MAX_CARD_BYTES = 512 * 1024;
/** Most files listed from a repository's tree. */
export const MAX_TREE_FILES = 5_000;
const MAX_IMAGES = 12;

/**
 * Reads one LoRA from the Hub: its model info (`@huggingface/hub`'s `modelInfo`, with card data,
 * tags, author and commit), its file tree with sizes (`listFiles`, recursive) and its card
 * (`README.md`, one capped GET), then derives the trigger, licence, base-model verdict, weight
 * choice and example images. Only the API and the card are read, never weight files. Throws a
 * {@link HubError} for every failure. `baseFetch` is for tests.
 */
export async function getModelDetails(
  ref: HubReference,
  config: HubConfig,
  baseFetch: typeof fetch = fetch,
): Promise<HubModelDetails> {
  const what = `the model ${ref.repoId}`;
  const revision = ref.revision ?? "main";
  const info = await modelInfo({
    name: ref.repoId,
    revision: ref.revision,
    hubUrl: config.origin,
    additionalFields: ["cardData", "tags", "author", "sha"],
    fetch: createGuardedFetch(config, { what, maxBytes: MAX_INFO_BYTES }, baseFetch),
  });
  if (typeof info.name !== "string" || !info.name.includes("/")) {
    throw new HubError("bad_answer", `The Hub's answer for ${what} has no model id`);
  }
  const id = info.name;
  const [files, readme] = await Promise.all([
    readTree(id, revision, config, baseFetch),
    readCard(id, revision, config, baseFetch),
  ]);

  const front = readme.text === null ? null : parseFrontMatter(readme.text);
  const apiCard = isRecord(info.cardData) ? (info.cardData as Record<string, unknown>) : null;
  const card: HubModelDetails["card"] = front?.data
    ? { source: "readme" }
    : apiCard
      ? { source: "api" }
      : { source: "none" };
  const problem = readme.problem ?? front?.problem;
  if (problem && card.source !== "readme") card.problem = problem;
  const facts = cardFacts(front?.data ?? apiCard);
  const tags = Array.isArray(info.tags) ? info.tags.filter((tag) => typeof tag === "string") : [];
  const gated = info.gated === "auto" || info.gated === "manual" ? info.gated : false;
  const warnings: string[] = [];
  if (gated) {
    warnings.push("This repository is gated: fal cannot download its weights without access");
  }
  if (info.private === true) warnings.push("This repository is private: fal cannot download it");

  const details: HubModelDetails = {
    id,
    pageUrl: `${config.origin}/${id}`,
    revision,
    downloads: count(info.downloads),
    likes: count(info.likes),
    gated,
    private: info.private === true,
    trigger: facts.trigger,
    triggerNote: facts.trigger
      ? facts.trigger.source === "instance_prompt"
        ? "From the card's instance_prompt"
        : "From the card's first widget prompt"
      : "No trigger in the card",
    widgetPrompts: facts.widgetPrompts,
    licence: licence(facts.licence, config.origin, id, revision),
    baseModel: judgeBaseModel(declaredBaseModels(facts.baseModels, tags)),
    weights: chooseWeightFile(files, { origin: config.origin, repoId: id, revision }, ref.file),
    exampleImages: images(facts.exampleImages, files, config.origin, id, revision),
    card,
    warnings,
  };
  if (id !== ref.repoId) details.renamedFrom = ref.repoId;
  if (typeof info.sha === "string") details.sha = info.sha;
  if (typeof info.author === "string") details.author = info.author;
  if (info.updatedAt instanceof Date && !Number.isNaN(info.updatedAt.getTime())) {
    details.lastModified = info.updatedAt.toISOString();
  }
  return details;
}

async function readTree(
  id: string,
  revision: string,
  config: HubConfig,
  baseFetch: typeof fetch,
): Promise<RepoFile[]> {
  const files: RepoFile[] = [];
  const entries = listFiles({
    repo: { type: "model", name: id },
    revision,
    recursive: true,
    hubUrl: config.origin,
    fetch: createGuardedFetch(
      config,
      { what: `the model ${id}`, maxBytes: MAX_TREE_BYTES },
      baseFetch,
    ),
  });
  let seen = 0;
  for await (const entry of entries) {
    if (++seen > MAX_TREE_FILES) break;
    if (entry.type !== "file" || typeof entry.path !== "string") continue;
    const size = entry.lfs?.size ?? entry.size;
    files.push({ path: entry.path, size: typeof size === "number" ? size : 0 });
  }
  return files;
}

/**
 * The card's text, or null and why: there is none (404), it is over {@link MAX_CARD_BYTES}, or
 * the Hub sent it from another host (as it does for LFS files). Then the Hub's `cardData` is used.
 */
async function readCard(
  id: string,
  revision: string,
  config: HubConfig,
  baseFetch: typeof fetch,
): Promise<{ text: string | null; problem?: string }> {
  // By hand, not `downloadFile`: that first asks for xet file info and may hand back a blob
  // read from the Hub's CDN hosts; a card is a small git file served by the Hub itself.
  const guarded = createGuardedFetch(
    config,
    { what: `the card of ${id}`, maxBytes: MAX_CARD_BYTES, passStatuses: [404] },
    baseFetch,
  );
  try {
    const url = `${config.origin}/${id}/resolve/${encodeURIComponent(revision)}/README.md`;
    const response = await guarded(url);
    if (response.status === 404) {
      return { text: null, problem: "The repository has no card (README.md)" };
    }
    return { text: await response.text() };
  } catch (error) {
    if (error instanceof HubError && error.code === "too_large") {
      return { text: null, problem: "The card (README.md) is too large to read" };
    }
    if (error instanceof HubError && error.code === "off_host_redirect") {
      return { text: null, problem: "The card (README.md) is stored off the Hub's host" };
    }
    throw error;
  }
}

function licence(
  found: HubLicence | null,
  origin: string,
  id: string,
  revision: string,
): HubLicence | null {
  if (!found?.link) return found;
  const { link, ...rest } = found;
  if (/^https:\/\//i.test(link)) return { ...rest, link };
  const path = link.replace(/^\.\//, "");
  if (!path || path.split("/").some((part) => part === ".." || part === "")) return rest;
  return { ...rest, link: `${origin}/${id}/blob/${encodeURIComponent(revision)}/${path}` };
}

function images(
  cardImages: readonly string[],
  files: readonly RepoFile[],
  origin: string,
  id: string,
  revision: string,
): string[] {
  const found: string[] = [];
  const candidates = [
    ...cardImages,
    ...files.filter((f) => isImageFile(f.path)).map((f) => f.path),
  ];
  for (const candidate of candidates) {
    const url = resolveCardImage(origin, id, revision, candidate);
    if (url && !found.includes(url)) found.push(url);
    if (found.length >= MAX_IMAGES) break;
  }
  return found;
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : 0;
}
