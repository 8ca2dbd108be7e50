import "server-only";
import type { HubConfig } from "./config";
import { HubError, hubErrorFromStatus } from "./errors";

/** What one guarded call may do. */
export interface GuardOptions {
  /** What is being fetched, for messages: e.g. `the model fal/x`. */
  what: string;
  /** Largest answer body accepted (bytes). */
  maxBytes: number;
  /** Statuses returned to the caller instead of thrown as a {@link HubError} (e.g. 404). */
  passStatuses?: readonly number[];
  /** Most redirects followed (all on the Hub's origin). Default 5. */
  maxRedirects?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * A `fetch` for `@huggingface/hub` (and the card download) that enforces the Hub rules:
 * - only `config.origin` is contacted; a URL or redirect to any other host throws
 *   `off_host_redirect` before anything is sent there (redirects are followed by hand, at most
 *   `maxRedirects`, each checked);
 * - `HF_TOKEN`, when set, is added here and only here, so it goes to the Hub's origin only;
 * - the whole call, redirects and body included, has `config.timeoutMs` (→ `timeout`);
 * - the body is read up to `maxBytes` (→ `too_large`, also on a larger Content-Length);
 * - network failures → `unreachable`; a failed status → {@link hubErrorFromStatus}.
 * The answer is returned fully buffered.
 */
export function createGuardedFetch(
  config: HubConfig,
  options: GuardOptions,
  baseFetch: typeof fetch = fetch,
): typeof fetch {
  const guarded = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let url = toUrl(input);
    checkHost(url, config.origin, options.what);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs);
    const headers = new Headers(init?.headers);
    headers.delete("authorization");
    if (config.token) headers.set("authorization", `Bearer ${config.token}`);
    try {
      let response: Response;
      for (let hops = 0; ; hops++) {
        response = await baseFetch(url, {
          method: init?.method ?? "GET",
          headers,
          redirect: "manual",
          signal: controller.signal,
        });
        if (!REDIRECTS.has(response.status)) break;
        await response.body?.cancel();
        const location = response.headers.get("location");
        if (!location || hops >= (options.maxRedirects ?? 5)) {
          throw new HubError("bad_answer", `The Hub redirected too often for ${options.what}`);
        }
        url = new URL(location, url);
        checkHost(url, config.origin, options.what);
      }
      const body = await readCapped(response, options);
      if (!response.ok && !options.passStatuses?.includes(response.status)) {
        throw hubErrorFromStatus(
          {
            status: response.status,
            errorCode: response.headers.get("x-error-code"),
            text: new TextDecoder().decode(body.slice(0, 4_096)),
            retryAfter: response.headers.get("retry-after"),
          },
          options.what,
        );
      }
      const result = new Response(response.status === 204 ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      Object.defineProperty(result, "url", { value: url.toString() });
      return result;
    } catch (error) {
      if (error instanceof HubError) throw error;
      if (controller.signal.aborted) {
        throw new HubError(
          "timeout",
          `The Hub did not answer within ${config.timeoutMs / 1000} s for ${options.what}; try again`,
        );
      }
      throw new HubError("unreachable", "The Hugging Face Hub cannot be reached from this server");
    } finally {
      clearTimeout(timer);
    }
  };
  return guarded as typeof fetch;
}

function toUrl(input: RequestInfo | URL): URL {
  if (input instanceof URL) return new URL(input.toString());
  return new URL(typeof input === "string" ? input : input.url);
}

function checkHost(url: URL, origin: string, what: string): void {
  if (url.origin !== origin || url.username || url.password) {
    throw new HubError(
      "off_host_redirect",
      `The Hub pointed to another host (${url.host}) for ${what}; only ${new URL(origin).host} is contacted`,
    );
  }
}

async function readCapped(
  response: Response,
  options: GuardOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () =>
    new HubError(
      "too_large",
      `The Hub's answer for ${options.what} is larger than this server accepts`,
    );
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > options.maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
