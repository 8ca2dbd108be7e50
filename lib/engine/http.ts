import "server-only";
import { formatBinaryBytes } from "@/lib/domain/text";
import { ENDPOINT_ID } from "@/lib/kontext/endpoint";
import { readBodyWithLimit } from "@/lib/server/body";
import { LOCAL_ENGINE_BASE_PATH } from "@/lib/server/config";
import { callerOrigin } from "@/lib/server/origin";
import { MAX_INITIATE_BODY_BYTES, parseUploadInitiate } from "@/lib/server/upload-initiate";
import type { EngineApi, JobSnapshot } from "./engine-types";
import { type FileStore, INLINE_CONTENT_TYPES, isFileId, newFileId } from "./file-store";
import { PUBLIC_ORIGIN_HEADER } from "./http-headers";
import { FILES_PATH, UPLOAD_PATH } from "./paths";

/** Largest submit body: data-URI inputs travel inside it. */
export const MAX_ENGINE_BODY_BYTES = 32 * 1024 * 1024;
/** Largest single upload (fal switches to multipart above 90 MiB; images never need that). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
/** How long an initiated upload URL stays valid. */
const UPLOAD_URL_TTL_MS = 60 * 60 * 1000;
/** SSE keep-alive interval, as on fal. */
const KEEPALIVE_MS = 15_000;

const REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;

/** A submit body the caller (the proxy) has already read and parsed as JSON: not read again. */
export interface ParsedBody {
  json: unknown;
}

interface PendingUpload {
  contentType: string;
  fileName: string;
  expiresAt: number;
}

export interface EngineContext {
  engine: EngineApi;
  store: FileStore;
  pendingUploads: Map<string, PendingUpload>;
}

/**
 * Answers one HTTP request to the local engine, laid out like fal's hosts under
 * `/api/engine`: `/queue/…` (queue.fal.run), `/run/…` (fal.run), `/rest/…` (rest.fal.ai), plus
 * `/upload/{id}` (the signed upload URL) and `/files/{id}` (the CDN).
 */
export async function handleEngineRequest(
  request: Request,
  segments: string[],
  context: EngineContext,
  parsed?: ParsedBody,
): Promise<Response> {
  const method = request.method.toUpperCase();
  const origin = publicOrigin(request);
  const [root, ...rest] = segments;
  if (method === "OPTIONS") return corsPreflight();
  if (root === "queue" || root === "run" || root === "rest") {
    const refused = refuseForeign(request, method);
    if (refused) return refused;
  }
  switch (root) {
    case "queue":
      return handleQueue(request, method, rest, origin, context, parsed);
    case "run":
      if (method !== "POST") return methodNotAllowed("POST");
      if (rest.join("/") !== ENDPOINT_ID) return unknownApp(rest.join("/"));
      return handleRun(request, origin, context, parsed);
    case "rest":
      if (rest.join("/") === "storage/upload/initiate" && method === "POST") {
        return handleInitiate(request, origin, context);
      }
      return json(404, { detail: `Not found: /rest/${rest.join("/")}` });
    case "upload":
      if (method !== "PUT") return methodNotAllowed("PUT");
      return handleUpload(request, rest.join("/"), context);
    case "files":
      if (method !== "GET" && method !== "HEAD") return methodNotAllowed("GET, HEAD");
      return serveFile(rest.join("/"), method === "HEAD", context.store);
    default:
      return json(404, { detail: `Not found: ${LOCAL_ENGINE_BASE_PATH}/${segments.join("/")}` });
  }
}

async function handleQueue(
  request: Request,
  method: string,
  rest: string[],
  origin: string,
  { engine }: EngineContext,
  parsed: ParsedBody | undefined,
): Promise<Response> {
  const [owner, alias, kind, id, ...tail] = rest;
  const app = `${owner}/${alias}`;
  if (app !== ENDPOINT_ID) return unknownApp(rest.join("/"));
  if (kind === undefined) {
    if (method !== "POST") return methodNotAllowed("POST");
    const body = parsed ? parsed.json : await readJsonBody(request);
    if (body instanceof Response) return body;
    const snapshot = await engine.accept(body, origin);
    return json(200, statusBody(snapshot, origin, false));
  }
  if (kind !== "requests" || !id || !REQUEST_ID.test(id)) {
    return json(404, { detail: `Not found: /queue/${rest.join("/")}` });
  }
  const action = tail.join("/");
  const withLogs = new URL(request.url).searchParams.get("logs") === "1";
  if (action === "" && method === "GET") return fetchResult(engine, id);
  if (action === "status" && method === "GET") {
    const snapshot = await engine.status(id);
    if (!snapshot) return requestNotFound(id);
    return json(snapshot.state === "COMPLETED" ? 200 : 202, statusBody(snapshot, origin, withLogs));
  }
  if (action === "status/stream" && method === "GET") {
    return streamStatus(engine, id, origin, withLogs, request.signal);
  }
  if (action === "cancel" && method === "PUT") {
    const answer = await engine.cancel(id);
    const status = { CANCELLATION_REQUESTED: 202, ALREADY_COMPLETED: 400, NOT_FOUND: 404 }[answer];
    return json(status, { status: answer }, id);
  }
  return json(405, { detail: `${method} is not supported on /queue/${rest.join("/")}` });
}

async function fetchResult(engine: EngineApi, id: string): Promise<Response> {
  const outcome = await engine.result(id);
  if (outcome === null) return requestNotFound(id);
  if (outcome === "pending") return json(400, { detail: "Request is still in progress" }, id);
  if (outcome.ok) return json(200, outcome.output, id);
  return json(outcome.status, { detail: outcome.detail }, id);
}

async function handleRun(
  request: Request,
  origin: string,
  { engine }: EngineContext,
  parsed: ParsedBody | undefined,
) {
  const body = parsed ? parsed.json : await readJsonBody(request);
  if (body instanceof Response) return body;
  const { id } = await engine.accept(body, origin);
  await engine.waitFor(id);
  return fetchResult(engine, id);
}

async function streamStatus(
  engine: EngineApi,
  id: string,
  origin: string,
  withLogs: boolean,
  signal: AbortSignal,
): Promise<Response> {
  if (!(await engine.status(id))) return requestNotFound(id);
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let sentLogs = 0;
      let lastState = "";
      let isClosed = false;
      let isFlushing = false;
      let isDirty = false;
      const close = () => {
        if (isClosed) return;
        isClosed = true;
        cleanup();
        controller.close();
      };
      // Sends what changed since the last event; fal's client concatenates `logs` as deltas.
      const flush = async () => {
        if (isFlushing) {
          isDirty = true;
          return;
        }
        isFlushing = true;
        do {
          isDirty = false;
          const snapshot = await engine.status(id);
          if (isClosed) break;
          if (!snapshot) {
            close();
            break;
          }
          const newLogs = snapshot.logs.slice(sentLogs);
          if (snapshot.state !== lastState || (withLogs && newLogs.length > 0)) {
            sentLogs = snapshot.logs.length;
            lastState = snapshot.state;
            const body = statusBody({ ...snapshot, logs: newLogs }, origin, withLogs);
            controller.enqueue(encoder.encode(`data: ${JSON.stringify(body)}\n\n`));
          }
          if (snapshot.state === "COMPLETED") close();
        } while (isDirty && !isClosed);
        isFlushing = false;
      };
      const unwatch = engine.watch(id, () => void flush());
      const keepalive = setInterval(() => {
        if (!isClosed) controller.enqueue(encoder.encode(": keep-alive\n\n"));
      }, KEEPALIVE_MS);
      const onAbort = () => close();
      signal.addEventListener("abort", onAbort);
      cleanup = () => {
        unwatch?.();
        clearInterval(keepalive);
        signal.removeEventListener("abort", onAbort);
      };
      await flush();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      "x-fal-request-id": id,
    },
  });
}

async function handleInitiate(request: Request, origin: string, context: EngineContext) {
  const body = await readJsonBody(request, MAX_INITIATE_BODY_BYTES);
  if (body instanceof Response) return body;
  const parsed = parseUploadInitiate(body);
  if (!parsed.ok) return json(422, { detail: parsed.errors });
  const { contentType, fileName } = parsed;
  const id = newFileId(contentType);
  const now = Date.now();
  for (const [key, upload] of context.pendingUploads) {
    if (upload.expiresAt < now) context.pendingUploads.delete(key);
  }
  context.pendingUploads.set(id, {
    contentType,
    fileName: fileName?.slice(0, 255) ?? id,
    expiresAt: now + UPLOAD_URL_TTL_MS,
  });
  return json(200, {
    upload_url: `${origin}${UPLOAD_PATH}/${id}`,
    file_url: `${origin}${FILES_PATH}/${id}`,
  });
}

async function handleUpload(request: Request, id: string, context: EngineContext) {
  const upload = context.pendingUploads.get(id);
  if (!upload || upload.expiresAt < Date.now()) {
    return cors(
      json(404, { detail: "This upload URL is unknown or has expired; initiate a new upload" }),
    );
  }
  const body = await readBodyWithLimit(request, MAX_UPLOAD_BYTES);
  if (!body.ok) {
    return cors(
      json(413, { detail: `The upload is larger than ${formatBinaryBytes(MAX_UPLOAD_BYTES)}` }),
    );
  }
  if (body.bytes.byteLength === 0)
    return cors(json(400, { detail: "The upload is empty (0 bytes)" }));
  // Claim the id before the async write so two PUTs to one URL cannot both store.
  context.pendingUploads.delete(id);
  await context.store.put(id, body.bytes, upload.contentType, upload.fileName);
  return cors(new Response(null, { status: 200 }));
}

async function serveFile(id: string, isHead: boolean, store: FileStore): Promise<Response> {
  const file = isFileId(id) ? await store.get(id) : null;
  if (!file)
    return cors(
      json(404, { detail: "File not found (files expire; see LOCAL_ENGINE_MAX_AGE_HOURS)" }),
    );
  const type = file.meta.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const isInline = INLINE_CONTENT_TYPES.has(type);
  const headers = new Headers({
    "content-type": isInline ? type : "application/octet-stream",
    "content-length": String(file.bytes.byteLength),
    "cache-control": "public, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "content-disposition": `${isInline ? "inline" : "attachment"}; filename="${id}"`,
  });
  return cors(new Response(isHead ? null : new Uint8Array(file.bytes), { status: 200, headers }));
}

function statusBody(snapshot: JobSnapshot, origin: string, withLogs: boolean) {
  const base = `${origin}${LOCAL_ENGINE_BASE_PATH}/queue/${ENDPOINT_ID}/requests/${snapshot.id}`;
  return {
    status: snapshot.state,
    request_id: snapshot.id,
    response_url: base,
    status_url: `${base}/status`,
    cancel_url: `${base}/cancel`,
    ...(snapshot.state === "IN_QUEUE" ? { queue_position: snapshot.queuePosition ?? 0 } : {}),
    logs: withLogs ? snapshot.logs : [],
    ...(snapshot.state === "COMPLETED"
      ? { metrics: { inference_time: snapshot.inferenceTime } }
      : {}),
  };
}

async function readJsonBody(
  request: Request,
  limit = MAX_ENGINE_BODY_BYTES,
): Promise<unknown | Response> {
  const body = await readBodyWithLimit(request, limit);
  if (!body.ok) return json(413, { detail: `The request body is larger than ${limit} bytes` });
  try {
    return JSON.parse(new TextDecoder().decode(body.bytes));
  } catch {
    return json(400, { detail: "The request body is not valid JSON" });
  }
}

/**
 * Refuses what a browser on another site could send to the queue, run and rest APIs (which
 * bypass the proxy's gate): cross-site requests (`Sec-Fetch-Site: cross-site`, or an `Origin`
 * whose host is not this server's), and POST bodies that are not `application/json` (a
 * `no-cors` form or `text/plain` post). Callers without those headers (servers, the proxy) pass.
 */
function refuseForeign(request: Request, method: string): Response | null {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  let isForeignOrigin = false;
  if (origin) {
    try {
      isForeignOrigin =
        new URL(origin).host !== (request.headers.get("host") ?? new URL(request.url).host);
    } catch {
      isForeignOrigin = true;
    }
  }
  if (site === "cross-site" || isForeignOrigin) {
    return json(403, { detail: "Cross-site requests to the local engine are refused" });
  }
  if (method === "POST") {
    const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") {
      return json(415, { detail: "The local engine accepts only Content-Type: application/json" });
    }
  }
  return null;
}

/** The origin callers see: the proxy's hint when well-formed, else this request's own. */
function publicOrigin(request: Request): string {
  const hint = request.headers.get(PUBLIC_ORIGIN_HEADER);
  if (hint) {
    try {
      const url = new URL(hint);
      if ((url.protocol === "http:" || url.protocol === "https:") && url.origin === hint)
        return hint;
    } catch {
      // fall through to the request's own origin
    }
  }
  return callerOrigin(request);
}

function json(status: number, body: unknown, requestId?: string): Response {
  const text = JSON.stringify(body);
  const headers = new Headers({
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
  });
  if (requestId) headers.set("x-fal-request-id", requestId);
  return new Response(text, { status, headers });
}

function cors(response: Response): Response {
  response.headers.set("access-control-allow-origin", "*");
  return response;
}

function corsPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "GET, HEAD, PUT, OPTIONS",
      "access-control-allow-headers": "content-type",
      "access-control-max-age": "86400",
    },
  });
}

function methodNotAllowed(allowed: string): Response {
  const response = json(405, { detail: `Method not allowed; use ${allowed}` });
  response.headers.set("allow", allowed);
  return response;
}

function unknownApp(path: string): Response {
  return json(404, {
    detail: `Application '${path}' not found; the local engine serves only ${ENDPOINT_ID}`,
  });
}

function requestNotFound(id: string): Response {
  return json(404, { detail: `Request ${id} not found` });
}
