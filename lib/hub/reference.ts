/**
 * Parsing what a person pastes to name a Hugging Face LoRA. Isomorphic (no server code): the
 * browser can check a reference before asking the server, and the server checks it again before
 * any request leaves it.
 */

/** A model repository on the Hub, and optionally one revision and one file in it. */
export interface HubReference {
  /** `owner/name`, validated by {@link isValidRepoId}. */
  repoId: string;
  /** A branch, tag or commit named in a `/tree/`, `/blob/` or `/resolve/` URL. */
  revision?: string;
  /** A file path in the repository, from a `/blob/` or `/resolve/` URL. */
  file?: string;
}

/** The outcome of {@link parseHubReference}. */
export type HubReferenceCheck = { ok: true; ref: HubReference } | { ok: false; message: string };

/** The longest reference accepted (characters). */
export const MAX_REFERENCE_CHARS = 2_048;

/** Hosts whose URLs name Hub repositories (besides the configured `HF_ENDPOINT` host). */
export const HUB_HOSTS: readonly string[] = ["huggingface.co", "www.huggingface.co", "hf.co"];

const PART = /^[A-Za-z0-9_.-]+$/;
const EDGE = /^[A-Za-z0-9_]$/;
const REVISION = /^[A-Za-z0-9_.\-/]{1,200}$/;
const MAX_OWNER_CHARS = 96;
const MAX_NAME_CHARS = 96;
const MAX_FILE_CHARS = 1_000;

/**
 * Whether `repoId` is a well-formed Hub model id, by the Hub's own rules (huggingface_hub's
 * `validate_repo_id`): exactly `owner/name`; each part 1–96 characters of `A–Z a–z 0–9 - _ .`,
 * starting and ending with a letter, digit or `_`; no `--` or `..` anywhere; not ending `.git`.
 */
export function isValidRepoId(repoId: string): boolean {
  const parts = repoId.split("/");
  if (parts.length !== 2) return false;
  const [owner = "", name = ""] = parts;
  if (owner.length > MAX_OWNER_CHARS || name.length > MAX_NAME_CHARS) return false;
  if (repoId.includes("--") || repoId.includes("..") || repoId.endsWith(".git")) return false;
  return [owner, name].every(
    (part) =>
      part.length > 0 &&
      PART.test(part) &&
      EDGE.test(part.charAt(0)) &&
      EDGE.test(part.charAt(part.length - 1)),
  );
}

/**
 * Parses every accepted way of naming a LoRA on the Hub:
 * - `owner/name`;
 * - a model page URL, `https://huggingface.co/owner/name` (also `hf.co`, `www.`, without the
 *   scheme, with a trailing slash, query or fragment, or `/tree/<rev>[/<folder>]`);
 * - a file URL, `…/owner/name/blob/<rev>/<file>` or `…/owner/name/resolve/<rev>/<file>`.
 *
 * `extraHosts` adds hosts (e.g. the `HF_ENDPOINT` mirror's). Dataset and Space URLs, other hosts,
 * and ids that break the Hub's rules are refused with a message for people; nothing is fetched.
 */
export function parseHubReference(
  raw: string,
  extraHosts: readonly string[] = [],
): HubReferenceCheck {
  const value = raw.trim();
  if (!value) return fail("Enter a Hugging Face model: owner/name or its URL");
  if (value.length > MAX_REFERENCE_CHARS) {
    return fail(`The reference is longer than ${MAX_REFERENCE_CHARS} characters`);
  }
  if (/\s/.test(value)) return fail("The reference contains spaces");
  const hosts = new Set([...HUB_HOSTS, ...extraHosts.map((host) => host.toLowerCase())]);
  const firstSegment = value.split("/")[0]?.toLowerCase() ?? "";
  const isUrl = /^[a-z][a-z0-9+.-]*:/i.test(value) || hosts.has(firstSegment);
  if (!isUrl) return fromRepoId(value);

  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    return fail("The reference is not a valid URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return fail("Use an https:// link to huggingface.co");
  }
  if (!hosts.has(url.host.toLowerCase()) && !hosts.has(url.hostname.toLowerCase())) {
    return fail(`${url.hostname} is not the Hugging Face Hub; paste a huggingface.co link`);
  }
  if (url.username || url.password) return fail("The link must not carry credentials");
  return fromPath(url.pathname);
}

function fromRepoId(value: string): HubReferenceCheck {
  if (!value.includes("/")) {
    return fail(`Write the model as owner/name (e.g. fal/${value || "Plushie-Kontext-Dev-LoRA"})`);
  }
  if (!isValidRepoId(value)) return fail(invalidIdMessage(value));
  return { ok: true, ref: { repoId: value } };
}

function fromPath(pathname: string): HubReferenceCheck {
  let segments: string[];
  try {
    segments = pathname
      .split("/")
      .filter(Boolean)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return fail("The link is not correctly encoded");
  }
  const [owner, name, kind, ...rest] = segments;
  if (owner === "datasets" || owner === "spaces" || owner === "buckets") {
    return fail("That links to a dataset or a Space; a LoRA is a model repository");
  }
  if (!owner || !name) return fail("The link names no model: it should be …/owner/name");
  const repoId = `${owner}/${name}`;
  if (!isValidRepoId(repoId)) return fail(invalidIdMessage(repoId));
  if (kind === undefined) return { ok: true, ref: { repoId } };
  if (kind === "tree") {
    // `/tree/<rev>[/<folder>]`: a revision may itself contain slashes, so only a plain one is
    // taken; the folder does not name a file.
    const revision = rest[0];
    if (revision === undefined) return { ok: true, ref: { repoId } };
    if (!isValidRevision(revision)) return fail("The link's revision is not valid");
    return { ok: true, ref: { repoId, revision } };
  }
  if (kind === "blob" || kind === "resolve") {
    const [revision, ...fileParts] = rest;
    if (revision === undefined || fileParts.length === 0) {
      return fail(`A /${kind}/ link needs a revision and a file: …/${kind}/main/<file>`);
    }
    if (!isValidRevision(revision)) return fail("The link's revision is not valid");
    const file = fileParts.join("/");
    // Segments are decoded, so an encoded "%2F" may have put more slashes in: check them all.
    const pieces = file.split("/");
    if (
      pieces.some((part) => part === "" || part === "." || part === "..") ||
      file.length > MAX_FILE_CHARS
    ) {
      return fail("The link's file path is not valid");
    }
    return { ok: true, ref: { repoId, revision, file } };
  }
  // Other model pages (discussions, commits, settings …) still name the repository.
  return { ok: true, ref: { repoId } };
}

function isValidRevision(revision: string): boolean {
  return REVISION.test(revision) && !revision.includes("..");
}

function invalidIdMessage(repoId: string): string {
  const shown = repoId.length > 80 ? `${repoId.slice(0, 80)}…` : repoId;
  return `"${shown}" is not a valid model id: owner and name use letters, digits, "-", "_" and ".", start and end with a letter or digit, have no "--" or "..", and are at most 96 characters`;
}

function fail(message: string): HubReferenceCheck {
  return { ok: false, message };
}
