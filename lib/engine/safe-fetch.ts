import "server-only";

import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { type ClientRequest, request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { formatBinaryBytes } from "@/lib/domain/text";
import { InputError } from "@/lib/engine/errors";
import { LIMITS } from "@/lib/kontext/endpoint";

/** Largest remote image the engine downloads, in bytes (64 MiB). */
export const MAX_REMOTE_IMAGE_BYTES = 64 * 1024 * 1024;
/** Default time budget for one fetch, redirects and body included, in milliseconds. */
export const DEFAULT_FETCH_TIMEOUT_MS = LIMITS.imageFetchTimeoutSeconds * 1000;
/** Default number of redirects followed before giving up. */
export const DEFAULT_MAX_REDIRECTS = 5;

const USER_AGENT = "KontextPlayground-LocalEngine/1.0";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface SafeFetchOptions {
  /** Time budget for the whole exchange (every hop's connect, headers and body), in ms. Default 20 000. */
  timeoutMs?: number;
  /** Largest accepted body, in bytes. Default {@link MAX_REMOTE_IMAGE_BYTES} (64 MiB). */
  maxBytes?: number;
  /** Redirects followed before the fetch is refused. Default 5. */
  maxRedirects?: number;
  /** Test seam: allow loopback/private targets (used ONLY by tests against a local server). Default false. */
  allowPrivateNetwork?: boolean;
  /**
   * Test seam: decides which IP addresses may be connected to; overrides `allowPrivateNetwork`.
   * Used ONLY by tests, e.g. to allow `127.0.0.1` while proving a redirect to `127.0.0.2` is refused.
   * Default {@link isPublicAddress}.
   */
  isAllowedAddress?: (address: string) => boolean;
}

export interface FetchedFile {
  bytes: Buffer;
  /** The final response's `Content-Type` header, or null when it sent none. */
  contentType: string | null;
  /** The URL the bytes came from, after redirects. */
  finalUrl: string;
}

/**
 * True when `address` is a public unicast IP address (IPv4 or IPv6; IPv4-mapped IPv6 is judged
 * as the IPv4 address it wraps). Loopback, private, link-local, CGNAT, multicast, broadcast,
 * unspecified, reserved and translation ranges are all non-public, as is anything that is not an
 * IP address at all.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return false;
  try {
    return ipaddr.process(bare).range() === "unicast";
  } catch {
    return false;
  }
}

/**
 * Downloads a user-supplied http(s) URL without letting it reach private networks (SSRF).
 *
 * Every hop (redirects are followed manually, at most `maxRedirects`) is checked: the scheme must
 * be http or https, the URL must carry no credentials, and every address the host resolves to must
 * be public — checked inside the socket's DNS lookup, so a rebinding DNS answer cannot slip
 * through between check and connect. The time budget covers the whole exchange, and the body is
 * aborted as soon as it exceeds `maxBytes`.
 *
 * @throws InputError with a user-facing message for every failure (refused address, timeout,
 *   unreachable host, non-2xx status, oversized body…).
 */
export async function fetchPublicUrl(
  url: string,
  options: SafeFetchOptions = {},
): Promise<FetchedFile> {
  const budget = {
    timeoutMs: options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? MAX_REMOTE_IMAGE_BYTES,
    isAllowed:
      options.isAllowedAddress ?? (options.allowPrivateNetwork ? () => true : isPublicAddress),
    deadline: 0,
  };
  budget.deadline = Date.now() + budget.timeoutMs;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;

  let current = parseTarget(url);
  for (let redirects = 0; ; redirects++) {
    assertAllowedTarget(current, budget.isAllowed);
    const hop = await requestOnce(current, budget);
    if (hop.kind === "file") return { ...hop.file, finalUrl: current.href };
    if (redirects >= maxRedirects) {
      throw new InputError(`The image URL redirected more than ${maxRedirects} times`);
    }
    current = resolveRedirect(hop.location, current);
  }
}

interface FetchBudget {
  timeoutMs: number;
  maxBytes: number;
  isAllowed: (address: string) => boolean;
  /** Epoch ms by which the whole fetch must be done. */
  deadline: number;
}

type HopResult =
  | { kind: "file"; file: Omit<FetchedFile, "finalUrl"> }
  | { kind: "redirect"; location: string };

function parseTarget(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new InputError("image_url is not a valid URL");
  }
}

function resolveRedirect(location: string, from: URL): URL {
  try {
    return new URL(location, from);
  } catch {
    throw new InputError("The image URL redirected to an invalid location");
  }
}

/** Checks everything about a hop that can be known before DNS: scheme, credentials, literal IPs. */
function assertAllowedTarget(url: URL, isAllowed: (address: string) => boolean): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InputError(
      `Only http and https image URLs are fetched (got '${url.protocol.replace(/:$/, "")}')`,
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new InputError("The image URL must not contain credentials (user:password@)");
  }
  const host = url.hostname.replace(/\.$/, "").toLowerCase();
  const bare = host.startsWith("[") ? host.slice(1, -1) : host;
  // Node skips the `lookup` hook for literal IPs, so they must be judged here.
  if (ipaddr.isValid(bare) && !isAllowed(bare)) throw refusedAddress(bare);
  // `localhost` names never reach DNS in some resolvers; refuse them by name.
  if ((host === "localhost" || host.endsWith(".localhost")) && !isAllowed("127.0.0.1")) {
    throw refusedAddress(host);
  }
}

function refusedAddress(address: string): InputError {
  return new InputError(
    `The image URL points to a private or loopback address (${address}); only public addresses are fetched`,
  );
}

/**
 * A socket `lookup` that resolves every address of the host and fails unless all are allowed.
 * Runs at connect time, so the addresses checked are the addresses connected to.
 */
function guardedLookup(isAllowed: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(
      hostname,
      { family: options.family, hints: options.hints, all: true },
      (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, "", 0);
        const refused = addresses.find((entry) => !isAllowed(entry.address));
        const first = addresses[0];
        if (refused) return callback(refusedAddress(refused.address), "", 0);
        if (!first) return callback(unresolvable(hostname), "", 0);
        if (options.all) return callback(null, addresses);
        callback(null, first.address, first.family);
      },
    );
  };
}

function unresolvable(hostname: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${hostname} has no addresses`);
  error.code = "ENOTFOUND";
  return error;
}

/** Performs one GET and either collects the body or reports the redirect target. */
function requestOnce(url: URL, budget: FetchBudget): Promise<HopResult> {
  return new Promise<HopResult>((resolve, reject) => {
    let settled = false;
    let req: ClientRequest | undefined;
    let res: IncomingMessage | undefined;
    const finish = (outcome: { ok: HopResult } | { error: InputError }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Also after success: a redirect's body is never read, and nothing may outlive the fetch.
      res?.destroy();
      req?.destroy();
      if ("ok" in outcome) resolve(outcome.ok);
      else reject(outcome.error);
    };
    const fail = (error: InputError) => finish({ error });

    const remaining = Math.max(0, budget.deadline - Date.now());
    const timer = setTimeout(() => fail(timeoutError(budget.timeoutMs)), remaining);

    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    req = send(url, {
      method: "GET",
      headers: { "User-Agent": USER_AGENT, Accept: "image/*" },
      lookup: guardedLookup(budget.isAllowed),
      // A fresh connection per hop: a pooled socket would skip the connect-time address check.
      agent: false,
    });
    req.on("error", (error) => fail(describeNetworkError(error, url.hostname)));
    req.on("response", (response) => {
      res = response;
      handleResponse(response, budget, {
        ok: (hop) => finish({ ok: hop }),
        fail,
      });
    });
    req.end();
  });
}

function handleResponse(
  res: IncomingMessage,
  budget: FetchBudget,
  done: { ok: (hop: HopResult) => void; fail: (error: InputError) => void },
): void {
  const status = res.statusCode ?? 0;
  const location = res.headers.location;
  if (REDIRECT_STATUSES.has(status) && location) {
    done.ok({ kind: "redirect", location });
    return;
  }
  if (status < 200 || status > 299) {
    done.fail(new InputError(`The image URL answered HTTP ${status}`));
    return;
  }
  const declared = Number(res.headers["content-length"]);
  if (Number.isFinite(declared) && declared > budget.maxBytes) {
    done.fail(tooLarge(budget.maxBytes));
    return;
  }

  const chunks: Buffer[] = [];
  let received = 0;
  res.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received > budget.maxBytes) done.fail(tooLarge(budget.maxBytes));
    else chunks.push(chunk);
  });
  res.on("end", () => {
    const contentType = res.headers["content-type"] ?? null;
    done.ok({ kind: "file", file: { bytes: Buffer.concat(chunks, received), contentType } });
  });
  // `aborted`/`error` mean the connection dropped mid-body; `close` before `end` covers both.
  res.on("close", () => {
    if (!res.complete) {
      done.fail(new InputError("The image URL closed the connection before the image was sent"));
    }
  });
  res.on("error", () => {
    done.fail(new InputError("The image URL closed the connection before the image was sent"));
  });
}

function timeoutError(timeoutMs: number): InputError {
  return new InputError(`Fetching the image URL timed out after ${formatDuration(timeoutMs)}`);
}

function tooLarge(maxBytes: number): InputError {
  return new InputError(`The image at the URL is larger than ${formatBinaryBytes(maxBytes)}`);
}

/** Maps a socket/TLS/DNS failure to a message without internals; InputErrors pass through. */
function describeNetworkError(error: Error, hostname: string): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code && /^(ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/.test(code)) {
    return new InputError(
      `Could not establish a secure connection to the image URL host ${hostname} (${code})`,
    );
  }
  return new InputError(`Could not reach the image URL host ${hostname} (${code ?? "error"})`);
}

/** "20 s", "1.5 s" or "300 ms". */
function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}
