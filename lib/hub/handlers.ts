import "server-only";
import { ConfigError } from "@/lib/server/config";
import { clientAddress } from "@/lib/server/guard/client-address";
import { parseTrustedProxies } from "@/lib/server/guard/settings";
import { TtlCache } from "./cache";
import { getHubConfig, type HubConfig } from "./config";
import { HubError } from "./errors";
import { fetchHubImage, type HubImage, hubImageUrl } from "./image";
import { getModelDetails } from "./model";
import { RateLimiter } from "./rate-limit";
import { parseHubReference } from "./reference";
import { parseSearchQuery, searchModels } from "./search";
import type { HubModelDetails, HubSearchPage } from "./types";

/**
 * # The Hub routes (server side of "Find and bring in Kontext LoRAs from Hugging Face")
 *
 * The browser never talks to the Hub; it calls these two routes, which talk to one host only
 * (`HF_ENDPOINT`, default https://huggingface.co) and read only the Hub's API and card files
 * (`README.md`), never weight files. Both are `GET`, answer JSON, and are rate-limited per client
 * (a bucket of {@link RATE_CAPACITY} requests, refilled at {@link RATE_PER_MINUTE} a minute). The
 * client is identified as the key guard does (`clientAddress`: the TCP peer, or the forwarded-for
 * address behind `KONTEXT_TRUSTED_PROXIES`), so a caller cannot escape the limit by forging headers.
 *
 * ## `GET /api/hub/model?ref=<reference>`
 * `ref` is anything that names a LoRA: `owner/name`, `https://huggingface.co/owner/name`
 * (also `hf.co`, `/tree/<rev>`), or a file URL `…/blob/<rev>/<file>` / `…/resolve/<rev>/<file>`
 * (see `parseHubReference` in `lib/hub/reference.ts`, which the browser may also import to check
 * input before calling). A malformed reference is refused before any request to the Hub.
 * 200 → {@link HubModelDetails} (`lib/hub/types.ts`), e.g.
 * ```json
 * { "id": "fal/Plushie-Kontext-Dev-LoRA", "pageUrl": "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA",
 *   "revision": "main", "sha": "…", "author": "fal", "downloads": 1234, "likes": 56,
 *   "lastModified": "2025-07-01T00:00:00.000Z", "gated": false, "private": false,
 *   "trigger": { "text": "Convert to plushie style", "source": "instance_prompt" },
 *   "triggerNote": "From the card's instance_prompt", "widgetPrompts": ["Convert to plushie style"],
 *   "licence": { "id": "other", "name": "flux-1-dev-non-commercial-license", "link": "https://…" },
 *   "baseModel": { "fit": "kontext", "severity": "ok", "baseModels": ["black-forest-labs/FLUX.1-Kontext-dev"],
 *                  "message": "Made for FLUX.1 Kontext [dev]" },
 *   "weights": { "files": [{ "path": "plushie.safetensors", "size": 306184528,
 *                "url": "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie.safetensors" }],
 *                "chosen": "plushie.safetensors", "reason": "The only usable .safetensors file" },
 *   "exampleImages": ["https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA/resolve/main/images/1.png"],
 *   "card": { "source": "readme" }, "warnings": [] }
 * ```
 * - `renamedFrom` is present when the Hub redirected a renamed repository (`id` is the new one).
 * - `trigger` is null with `triggerNote: "No trigger in the card"` when the card has none.
 * - `weights.chosen` is null (with `reason`) when no file can be used; refused files carry a
 *   `refusal` sentence (not safetensors, over 2 GiB, …). A file's `url` is what goes into
 *   `loras[].path` and into the library's `path`.
 * - `baseModel.severity`: `ok` (Kontext [dev]), `warning` (FLUX.1 [dev]: may half-work; or no base
 *   model named), `incompatible` (another family: will not work).
 *
 * ## `GET /api/hub/search?q=<text>&sort=downloads|likes|recent&page=<1-20>`
 * Hub models tagged `base_model:adapter:black-forest-labs/FLUX.1-Kontext-dev`, 20 a page.
 * 200 → {@link HubSearchPage}: `{ q, sort, page, pageSize, hasMore, items: HubModelSummary[] }`,
 * each item `{ id, author?, pageUrl, downloads, likes, lastModified?, createdAt?, gated, trigger,
 * licence, preview }` (`preview` is an image URL on the Hub or null). Open an item with the model
 * route (`ref=<id>`) for files and the full card.
 *
 * ## `GET /api/hub/image?url=<card image URL>`
 * One image of a model card, for the library's preview: `url` must be
 * `HF_ENDPOINT/<owner>/<name>/resolve/<rev>/<path>` (valid repo id and revision, an image file
 * name, no query; anything else is `bad_reference` before any request). It is read through the
 * same guarded fetch (this host only, redirects on it only, the time limit), at most
 * 6 MiB (`MAX_HUB_IMAGE_BYTES`, `too_large`), and passed on only when its bytes are a PNG, JPEG,
 * WebP or GIF (`bad_answer` otherwise), with the sniffed `content-type` and `nosniff`. Cached
 * for {@link IMAGE_TTL_MS} (at most {@link IMAGE_CACHE_ENTRIES} images).
 *
 * ## Errors (every route)
 * Status and JSON `{ code, message, retryAfter? }` (`HubErrorBody`, `lib/hub/errors.ts`); show
 * `message` as is, switch on `code`: `bad_reference`/`bad_query` 400, `not_found` 404,
 * `private`/`gated` 403, `rate_limited` 429 (this server; `Retry-After` header too),
 * `hub_rate_limited` 503 (the Hub's 429), `unreachable` 502, `timeout` 504, `too_large` 502,
 * `off_host_redirect` 502, `bad_answer` 502, `config` 503 (bad `HF_ENDPOINT`).
 *
 * ## Caching
 * Answers are cached in memory per server process: model details for {@link MODEL_TTL_MS} (at
 * most {@link MODEL_CACHE_ENTRIES} references), search pages for {@link SEARCH_TTL_MS} (at most
 * {@link SEARCH_CACHE_ENTRIES}); failures are not cached. Identical concurrent look-ups share
 * one request to the Hub.
 */
export interface HubHandlers {
  model: (request: Request) => Promise<Response>;
  search: (request: Request) => Promise<Response>;
  image: (request: Request) => Promise<Response>;
}

/** Requests a client may make at once to the Hub routes. */
export const RATE_CAPACITY = 30;
/** Requests a client regains per minute. */
export const RATE_PER_MINUTE = 30;
export const MODEL_TTL_MS = 10 * 60_000;
export const SEARCH_TTL_MS = 5 * 60_000;
export const MODEL_CACHE_ENTRIES = 500;
export const SEARCH_CACHE_ENTRIES = 200;
export const IMAGE_TTL_MS = 60 * 60_000;
/** Card images kept (each at most 6 MiB; most are far smaller). */
export const IMAGE_CACHE_ENTRIES = 40;

/**
 * Creates the two route handlers with their own cache and limiter. `env` is read per request
 * (`HF_ENDPOINT`, `HF_TOKEN`, `HF_HUB_DOWNLOAD_TIMEOUT`); `baseFetch` is for tests.
 */
export function createHubHandlers(
  env: Record<string, string | undefined> = process.env,
  baseFetch: typeof fetch = (input, init) => fetch(input, init),
): HubHandlers {
  const limiter = new RateLimiter(RATE_CAPACITY, RATE_PER_MINUTE);
  const models = new TtlCache<HubModelDetails>(MODEL_CACHE_ENTRIES);
  const pages = new TtlCache<HubSearchPage>(SEARCH_CACHE_ENTRIES);
  const images = new TtlCache<HubImage>(IMAGE_CACHE_ENTRIES);

  const guard = async (
    request: Request,
    run: (config: HubConfig, url: URL) => Promise<unknown>,
    respond: (body: unknown) => Response = (body) =>
      Response.json(body, { headers: { "cache-control": "private, max-age=60" } }),
  ) => {
    try {
      const client = clientAddress(request.headers, {
        trustedProxies: parseTrustedProxies(env.KONTEXT_TRUSTED_PROXIES),
      });
      const decision = limiter.take(client);
      if (!decision.ok) {
        throw new HubError(
          "rate_limited",
          `Too many Hub look-ups; try again in ${decision.retryAfter} s`,
          decision.retryAfter,
        );
      }
      const config = getHubConfig(env);
      return respond(await run(config, new URL(request.url)));
    } catch (error) {
      if (error instanceof ConfigError) {
        const problem = new HubError("config", error.message);
        return Response.json(problem.toBody(), {
          status: problem.status,
          headers: { "cache-control": "no-store" },
        });
      }
      if (!(error instanceof HubError)) {
        // Not one of ours (e.g. invalid JSON from the Hub). The token is only ever in a request
        // header, never in a URL or message, so the error can be logged.
        console.error("Hub look-up failed:", error instanceof Error ? error.message : error);
      }
      const hubError =
        error instanceof HubError
          ? error
          : new HubError("bad_answer", "The Hub answered something this server cannot read");
      const headers = new Headers({ "cache-control": "no-store" });
      if (hubError.retryAfter !== undefined)
        headers.set("retry-after", String(hubError.retryAfter));
      return Response.json(hubError.toBody(), { status: hubError.status, headers });
    }
  };

  return {
    model: (request) =>
      guard(request, (config, url) => {
        const parsed = parseHubReference(url.searchParams.get("ref") ?? "", [
          new URL(config.origin).host,
        ]);
        if (!parsed.ok) throw new HubError("bad_reference", parsed.message);
        const { repoId, revision = "", file = "" } = parsed.ref;
        const key = `${config.origin} ${repoId} ${revision} ${file}`;
        return models.getOrLoad(
          key,
          () => getModelDetails(parsed.ref, config, baseFetch),
          MODEL_TTL_MS,
        );
      }),
    search: (request) =>
      guard(request, (config, url) => {
        const query = parseSearchQuery(url.searchParams);
        const key = `${config.origin} ${query.sort} ${query.page} ${query.q}`;
        return pages.getOrLoad(key, () => searchModels(query, config, baseFetch), SEARCH_TTL_MS);
      }),
    image: (request) =>
      guard(
        request,
        (config, url) => {
          const target = hubImageUrl(url.searchParams.get("url") ?? "", config.origin);
          return images.getOrLoad(
            target,
            () => fetchHubImage(target, config, baseFetch),
            IMAGE_TTL_MS,
          );
        },
        (body) => {
          const image = body as HubImage;
          return new Response(image.bytes, {
            headers: {
              "content-type": image.type,
              "content-length": String(image.bytes.byteLength),
              "cache-control": "private, max-age=3600",
              "x-content-type-options": "nosniff",
              "content-security-policy": "default-src 'none'; sandbox",
            },
          });
        },
      ),
  };
}
