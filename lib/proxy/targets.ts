import { ENDPOINT_ID } from "@/lib/kontext/endpoint";

/** What a proxied request is for. Anything else is refused. */
export type TargetKind = "submit" | "status" | "stream" | "result" | "cancel" | "initiate";

/** A target the proxy lets through, in canonical form. */
export interface AllowedTarget {
  kind: TargetKind;
  /** Which upstream host role serves it. */
  role: "queue" | "rest";
  /** Path below the role's base, starting with `/`. */
  path: string;
  /** Canonical query string (with `?`) or empty. */
  search: string;
  requestId?: string;
}

/** Why a target was refused: an HTTP status and a message that names the problem. */
export interface RefusedTarget {
  status: number;
  message: string;
}

const REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;
const QUEUE_HOST = "queue.fal.run";
const REST_HOST = "rest.fal.ai";
/** Action after `/requests/{id}` → kind. A Map, so names like `constructor` never match. */
const QUEUE_ACTIONS = new Map<string, TargetKind>([
  ["", "result"],
  ["status", "status"],
  ["status/stream", "stream"],
  ["cancel", "cancel"],
]);
const METHODS: Record<TargetKind, string> = {
  submit: "POST",
  status: "GET",
  stream: "GET",
  result: "GET",
  cancel: "PUT",
  initiate: "POST",
};

/**
 * Decides whether the proxy may forward `method` to `targetUrl` (the `x-fal-target-url` the
 * client sent). Only the queue API of {@link ENDPOINT_ID} and the storage upload initiate get
 * through; the result is rebuilt from parsed parts, so nothing a caller adds survives.
 */
export function classifyTarget(
  targetUrl: string | null,
  method: string,
): AllowedTarget | RefusedTarget {
  if (!targetUrl) {
    return { status: 400, message: "Missing the x-fal-target-url header" };
  }
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch {
    return { status: 400, message: "x-fal-target-url is not a valid URL" };
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port) {
    return refuse(url, "only https URLs of fal's own hosts are proxied");
  }
  const target =
    url.hostname === QUEUE_HOST
      ? classifyQueue(url)
      : url.hostname === REST_HOST
        ? classifyRest(url)
        : url.hostname === "fal.run"
          ? refuse(url, "the synchronous fal.run host is closed here; use the queue")
          : refuse(url, `the host ${url.hostname} is not a fal API host this proxy serves`);
  if ("status" in target) return target;
  const expected = METHODS[target.kind];
  if (method.toUpperCase() !== expected) {
    return { status: 405, message: `${method.toUpperCase()} is not allowed here; use ${expected}` };
  }
  return target;
}

/** Type guard for the allowed case. */
export function isAllowed(target: AllowedTarget | RefusedTarget): target is AllowedTarget {
  return "kind" in target;
}

function classifyQueue(url: URL): AllowedTarget | RefusedTarget {
  const endpointPath = `/${ENDPOINT_ID}`;
  if (url.pathname === endpointPath) {
    if (url.search) return refuse(url, "query parameters (such as webhooks) are not proxied");
    return { kind: "submit", role: "queue", path: endpointPath, search: "" };
  }
  const prefix = `${endpointPath}/requests/`;
  if (!url.pathname.startsWith(prefix)) {
    return refuse(url, `only the endpoint ${ENDPOINT_ID} is available through this proxy`);
  }
  const [requestId, ...rest] = url.pathname.slice(prefix.length).split("/");
  if (!requestId || !REQUEST_ID.test(requestId)) {
    return { status: 400, message: "The request id in x-fal-target-url is malformed" };
  }
  const action = rest.join("/");
  const path = `${prefix}${requestId}${action ? `/${action}` : ""}`;
  const kind = QUEUE_ACTIONS.get(action);
  if (!kind) return refuse(url, `the queue path /${action} is not available`);
  const logs = url.searchParams.get("logs");
  const search = kind === "status" || kind === "stream" ? `?logs=${logs === "1" ? "1" : "0"}` : "";
  return { kind, role: "queue", path, search, requestId };
}

function classifyRest(url: URL): AllowedTarget | RefusedTarget {
  if (url.pathname === "/storage/upload/initiate") {
    if (url.searchParams.get("storage_type") !== "fal-cdn-v3") {
      return refuse(url, "storage uploads must use storage_type=fal-cdn-v3");
    }
    return {
      kind: "initiate",
      role: "rest",
      path: url.pathname,
      search: "?storage_type=fal-cdn-v3",
    };
  }
  return refuse(url, "only storage upload initiation is available on rest.fal.ai");
}

function refuse(url: URL, reason: string): RefusedTarget {
  const shown = `${url.host}${url.pathname}`.slice(0, 200);
  return { status: 403, message: `Refused ${shown}: ${reason}` };
}
