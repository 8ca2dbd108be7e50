/**
 * The browser's calls to the playground's Hub routes (`/api/hub/*`, documented in
 * lib/hub/handlers.ts), with a plain message for each way they can fail.
 */
import type { HubErrorBody, HubErrorCode } from "@/lib/hub/errors";
import type { HubModelDetails, HubSearchPage, HubSort } from "@/lib/hub/types";

/** A look-up's outcome: the answer, or what went wrong in words for people. */
export type HubResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: HubErrorCode | "network"; message: string };

const wait = (seconds: number | undefined) =>
  seconds ? `try again in ${seconds} s` : "try again in a minute";

/**
 * The message shown at the field for an error the route answered with. Codes whose server
 * message names the problem precisely (a malformed reference or query) keep it.
 */
export function hubErrorMessage(error: HubErrorBody): string {
  switch (error.code) {
    case "bad_reference":
    case "bad_query":
      return error.message;
    case "not_found":
      return "There is no model by that name on Hugging Face. Check the spelling; it may have been deleted or renamed.";
    case "private":
      return "That model is private (or hidden), so it cannot be read — and fal could not download it either.";
    case "gated":
      return "That model is gated: its conditions must be accepted on Hugging Face, and fal cannot download gated files.";
    case "rate_limited":
      return `Too many look-ups from this browser; ${wait(error.retryAfter)}.`;
    case "hub_rate_limited":
      return `Hugging Face is limiting this server's requests; ${wait(error.retryAfter)}.`;
    case "unreachable":
      return "Hugging Face cannot be reached right now. Your library and the rest of the playground still work.";
    case "timeout":
      return "Hugging Face did not answer in time; try again shortly.";
    case "too_large":
      return "Hugging Face's answer was too large to read, so it was not used.";
    case "off_host_redirect":
      return "Hugging Face pointed to another site, which this server does not follow.";
    case "bad_answer":
      return "Hugging Face answered something this server cannot read.";
    case "config":
      return "The server's Hugging Face settings are wrong (HF_ENDPOINT); whoever runs it can fix them.";
  }
}

function isErrorBody(value: unknown): value is HubErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as HubErrorBody).code === "string" &&
    typeof (value as HubErrorBody).message === "string"
  );
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<HubResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    return {
      ok: false,
      code: "network",
      message: "The playground's server could not be reached; check your connection.",
    };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && body !== null) return { ok: true, value: body as T };
  if (isErrorBody(body)) return { ok: false, code: body.code, message: hubErrorMessage(body) };
  return {
    ok: false,
    code: "bad_answer",
    message: `The playground's server answered ${response.status} without an explanation.`,
  };
}

/** A LoRA's details (`GET /api/hub/model`). */
export function fetchHubModel(ref: string, signal?: AbortSignal) {
  return getJson<HubModelDetails>(`/api/hub/model?ref=${encodeURIComponent(ref)}`, signal);
}

/** One page of Kontext LoRAs (`GET /api/hub/search`). */
export function fetchHubSearch(
  query: { q: string; sort: HubSort; page: number },
  signal?: AbortSignal,
) {
  const params = new URLSearchParams({ q: query.q, sort: query.sort, page: String(query.page) });
  return getJson<HubSearchPage>(`/api/hub/search?${params}`, signal);
}

/**
 * Where the browser reads a card image through this server (`GET /api/hub/image`): the Hub's
 * CORS and rate limits stay on the server, which checks the URL, size and type.
 */
export function hubImageRoute(imageUrl: string): string {
  return `/api/hub/image?url=${encodeURIComponent(imageUrl)}`;
}

/** The first of a model's example images that the image route serves (on the Hub's own host). */
export function previewImageOf(details: Pick<HubModelDetails, "pageUrl" | "exampleImages">) {
  let origin: string;
  try {
    origin = new URL(details.pageUrl).origin;
  } catch {
    return null;
  }
  return details.exampleImages.find((url) => url.startsWith(`${origin}/`)) ?? null;
}
