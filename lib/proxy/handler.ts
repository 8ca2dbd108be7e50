import "server-only";
import { createRouteHandler } from "@fal-ai/server-proxy/nextjs";
import { formatBinaryBytes } from "@/lib/domain/text";
import { PUBLIC_ORIGIN_HEADER } from "@/lib/engine/http-headers";
import { type KontextRequest, parseKontextInput, summarizeFieldErrors } from "@/lib/kontext/schema";
import { readBodyWithLimit } from "@/lib/server/body";
import {
  ConfigError,
  getFalKey,
  getUpstream,
  LOCAL_ENGINE_BASE_PATH,
  type Upstream,
} from "@/lib/server/config";
import { type Admission, getGuard } from "@/lib/server/guard/guard";
import { callerOrigin } from "@/lib/server/origin";
import { MAX_INITIATE_BODY_BYTES, parseUploadInitiate } from "@/lib/server/upload-initiate";
import { type AllowedTarget, classifyTarget, isAllowed } from "./targets";

/** Largest submit body the proxy forwards (4 MiB, under Vercel's 4.5 MB function limit). */
export const MAX_SUBMIT_BODY_BYTES = 4 * 1024 * 1024;

const TARGET_HEADER = "x-fal-target-url";
const CALLER_KEY = /^Key [\x21-\x7e]{1,512}$/;
/** Submit options a caller may set only on their own key: on the server's key fal's defaults apply. */
const OWN_KEY_ONLY_HEADERS = new Set([
  "x-fal-queue-priority",
  "x-fal-request-timeout",
  "x-fal-runner-hint",
]);

type RouteHandler = (request: Request) => Promise<Response>;
type Handlers = Record<"GET" | "POST" | "PUT", RouteHandler>;

/**
 * The `/api/fal/proxy` route: `@fal-ai/server-proxy` behind a gate that lets only
 * `fal-ai/flux-kontext-lora` through, validates submit bodies with the endpoint schema before
 * anything is sent upstream, and sends traffic to fal.ai, to `FAL_UPSTREAM_ORIGIN` or to the
 * built-in local engine. The fal key is read from the server's environment per request and
 * only ever appears in the upstream request's `Authorization` header.
 */
export function createProxyHandlers(
  env: Record<string, string | undefined> = process.env,
): Handlers {
  const inner = new Map<string, Handlers>();
  const handle: RouteHandler = async (request) => {
    try {
      return await proxy(request, env, inner);
    } catch (error) {
      if (error instanceof ConfigError) return errorResponse(503, error.message);
      // Never echo upstream error details: they could include request headers.
      return errorResponse(502, "The upstream could not be reached");
    }
  };
  return { GET: handle, POST: handle, PUT: handle };
}

async function proxy(
  request: Request,
  env: Record<string, string | undefined>,
  inner: Map<string, Handlers>,
): Promise<Response> {
  const target = classifyTarget(request.headers.get(TARGET_HEADER), request.method);
  if (!isAllowed(target)) return errorResponse(target.status, target.message);

  const upstream = getUpstream(env);
  const authorization = resolveAuthorization(request, upstream, env);
  if (authorization instanceof Response) return authorization;
  const isOwnKey = upstream.kind !== "local" && request.headers.get("authorization") !== null;
  // The guard protects the server's key; the local engine has none.
  const guard = upstream.kind === "local" ? null : getGuard(env);
  if (guard && !isOwnKey) {
    const refused = guard.checkAccess(request);
    if (refused) return refused;
  }

  let body: string | undefined;
  let json: unknown;
  let admission: Admission | undefined;
  if (request.method.toUpperCase() !== "GET") {
    const checked = await checkBody(request, target);
    if (checked instanceof Response) return checked;
    body = checked.text;
    json = checked.json;
    if (guard && checked.input) {
      const admitted = await guard.admitSubmit(request, checked.input, isOwnKey);
      if (admitted instanceof Response) return admitted;
      admission = admitted;
    }
  }

  const headers = new Headers();
  request.headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (!lower.startsWith("x-fal-") || lower === TARGET_HEADER || lower === PUBLIC_ORIGIN_HEADER) {
      return;
    }
    if (guard && !isOwnKey && OWN_KEY_ONLY_HEADERS.has(lower)) return;
    headers.set(lower, value);
  });
  const upstreamUrl = `${upstream.bases[target.role]}${target.path}${target.search}`;
  headers.set(TARGET_HEADER, upstreamUrl);
  headers.set("authorization", authorization);
  for (const name of ["user-agent", "sec-fetch-site"]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (upstream.kind === "local") headers.set(PUBLIC_ORIGIN_HEADER, callerOrigin(request));

  let response: Response;
  if (upstream.kind === "local") {
    response = await callLocalEngine(request, upstreamUrl, headers, body, json);
  } else {
    const forwarded = new Request(request.url, { method: request.method, headers, body });
    const handlers = innerHandlers(upstream, inner);
    response = await handlers[request.method.toUpperCase() as keyof Handlers](forwarded);
  }
  if (guard && admission) await guard.recordSubmit(admission, response);
  if (guard?.settlesResults && !isOwnKey && target.kind === "result" && target.requestId) {
    // Cloned now, before the body is streamed to the caller; settled in the background.
    if (response.ok) void guard.settleResult(target.requestId, response.clone());
  }
  return response;
}

/**
 * The built-in engine runs in this process: it is called directly rather than over loopback
 * HTTP, which halves the work of every poll. The same rules apply as for `@fal-ai/server-proxy`
 * (cross-site browsers are turned away, bodies go as JSON).
 */
async function callLocalEngine(
  request: Request,
  upstreamUrl: string,
  headers: Headers,
  body: string | undefined,
  json: unknown,
): Promise<Response> {
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    return errorResponse(401, "Unauthorized");
  }
  headers.set("content-type", "application/json");
  headers.set("accept", "application/json");
  const { handleEngineRequest } = await import("@/lib/engine/http");
  const { getLocalEngine } = await import("@/lib/engine/instance");
  const url = new URL(upstreamUrl);
  const segments = url.pathname.slice(`${LOCAL_ENGINE_BASE_PATH}/`.length).split("/");
  // A submit's body was read and parsed once here: the engine takes the parsed value, not a copy.
  const isParsed = json !== undefined;
  const local = new Request(url, {
    method: request.method,
    headers,
    body: isParsed ? undefined : body,
    signal: request.signal,
  });
  return handleEngineRequest(local, segments, getLocalEngine(), isParsed ? { json } : undefined);
}

/**
 * The caller's own `Authorization: Key …` (bring your own key) wins; otherwise the server's
 * `FAL_KEY`. The local engine needs no key and never receives one.
 */
function resolveAuthorization(
  request: Request,
  upstream: Upstream,
  env: Record<string, string | undefined>,
): string | Response {
  if (upstream.kind === "local") return "Key local-engine";
  const caller = request.headers.get("authorization");
  if (caller !== null) {
    if (!CALLER_KEY.test(caller)) {
      return errorResponse(401, "The Authorization header must be 'Key <your fal key>'");
    }
    return caller;
  }
  const key = getFalKey(env);
  if (!key) {
    return errorResponse(
      503,
      "No fal key is configured: set FAL_KEY on the server (or KONTEXT_BACKEND=local to use the built-in local engine)",
    );
  }
  return `Key ${key}`;
}

interface CheckedBody {
  text: string;
  /** The body as parsed JSON (submits and upload initiates). */
  json?: unknown;
  /** The parsed submit input (defaults filled), for submits only. */
  input?: KontextRequest;
}

async function checkBody(request: Request, target: AllowedTarget): Promise<CheckedBody | Response> {
  const limit = target.kind === "submit" ? MAX_SUBMIT_BODY_BYTES : MAX_INITIATE_BODY_BYTES;
  const read = await readBodyWithLimit(request, limit);
  if (!read.ok) {
    return errorResponse(
      413,
      `The request body is larger than the ${formatBinaryBytes(limit)} limit`,
    );
  }
  const text = new TextDecoder().decode(read.bytes);
  if (target.kind === "cancel") return { text };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return errorResponse(400, "The request body is not valid JSON");
  }
  if (target.kind === "submit") {
    const parsed = parseKontextInput(json);
    if (!parsed.ok) {
      return Response.json(
        { message: `Invalid input: ${summarizeFieldErrors(parsed.errors)}`, detail: parsed.errors },
        { status: 422 },
      );
    }
    return { text, json, input: parsed.value };
  }
  if (target.kind === "initiate") {
    const parsed = parseUploadInitiate(json);
    if (!parsed.ok) {
      return Response.json(
        {
          message: `Invalid upload: ${summarizeFieldErrors(parsed.errors)}`,
          detail: parsed.errors,
        },
        { status: 422 },
      );
    }
  }
  return { text };
}

/** One `@fal-ai/server-proxy` handler per upstream, allowing exactly that upstream's paths. */
function innerHandlers(upstream: Upstream, cache: Map<string, Handlers>): Handlers {
  const key = JSON.stringify(upstream.bases);
  let handlers = cache.get(key);
  if (!handlers) {
    const queue = new URL(upstream.bases.queue);
    const rest = new URL(upstream.bases.rest);
    const queuePattern = `${queue.host}${queue.pathname}/fal-ai/flux-kontext-lora`;
    const restPattern = `${rest.host}${rest.pathname}/storage/upload/initiate\\?storage_type=fal-cdn-v3`;
    handlers = createRouteHandler({
      allowedUrlPatterns: [queuePattern, `${queuePattern}/requests/**`, restPattern],
      allowedEndpoints: [
        trimSlash(`${queue.pathname}/fal-ai/flux-kontext-lora`),
        trimSlash(`${rest.pathname}/storage/upload/initiate`),
      ],
      // Browsers from other sites are turned away; server-side callers send no Sec-Fetch-Site.
      allowUnauthorizedRequests: false,
      isAuthenticated: async (behavior) => {
        const site = behavior.getHeader("sec-fetch-site");
        return site !== "cross-site";
      },
      resolveFalAuth: async (behavior) => {
        const value = behavior.getHeader("authorization");
        return typeof value === "string" ? value : undefined;
      },
    }) as Handlers;
    cache.set(key, handlers);
  }
  return handlers;
}

function trimSlash(path: string): string {
  return path.replace(/^\/+/, "");
}

function errorResponse(status: number, message: string): Response {
  return Response.json({ message, detail: message }, { status });
}
