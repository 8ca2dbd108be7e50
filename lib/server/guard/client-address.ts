import "server-only";
import { createHash } from "node:crypto";
import ipaddr from "ipaddr.js";
import type { GuardSettings } from "./settings";

/**
 * Header the server stamps on every incoming request with the TCP peer's address (see
 * `peer-address-hook.ts`). It overwrites whatever a caller sent under that name.
 */
export const PEER_ADDRESS_HEADER = "x-kontext-peer-address";

/** The bucket used when the peer is unknown: every such caller shares it (safe, never unlimited). */
export const UNKNOWN_CLIENT = "unknown";

function parse(value: string | undefined): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const text = value?.trim().replace(/^\[|\]$/g, "");
  if (!text || !ipaddr.isValid(text)) return null;
  return ipaddr.process(text);
}

function isTrusted(
  address: ipaddr.IPv4 | ipaddr.IPv6,
  settings: Pick<GuardSettings, "trustedProxies">,
): boolean {
  return settings.trustedProxies.some(
    ([range, bits]) => range.kind() === address.kind() && address.match(range, bits),
  );
}

/**
 * The address a request's quota is counted under. Without `KONTEXT_TRUSTED_PROXIES` it is the
 * TCP peer, and `X-Forwarded-For` is ignored. With it, the forwarded-for chain is walked from the
 * right, skipping trusted proxies; the first address that is not one is the client. A malformed
 * entry stops the walk at the proxy that passed it on.
 */
export function clientAddress(
  headers: Headers,
  settings: Pick<GuardSettings, "trustedProxies">,
): string {
  const peer = parse(headers.get(PEER_ADDRESS_HEADER) ?? undefined);
  if (!peer) return UNKNOWN_CLIENT;
  if (settings.trustedProxies.length === 0) return peer.toString();
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").filter((part) => part.trim());
  let current = peer;
  for (let index = chain.length - 1; index >= 0 && isTrusted(current, settings); index--) {
    const next = parse(chain[index]);
    if (!next) break;
    current = next;
  }
  return current.toString();
}

/** A short, stable fingerprint of a client address for logs (the address itself is not logged). */
export function clientFingerprint(address: string): string {
  return createHash("sha256").update(`kontext-client:${address}`).digest("hex").slice(0, 12);
}
