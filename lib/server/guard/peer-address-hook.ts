import "server-only";
import http from "node:http";
import { PEER_ADDRESS_HEADER } from "./client-address";

const INSTALLED = Symbol.for("kontext-playground.peer-address-hook");
type Patched = typeof http.Server.prototype & { [INSTALLED]?: boolean };

/**
 * Stamps every incoming HTTP request with its TCP peer's address in {@link PEER_ADDRESS_HEADER},
 * before Next.js sees it. Next only fills in `X-Forwarded-For` when a caller sent none, so a route
 * cannot otherwise tell a caller's own header from the socket address. Installed once per process
 * from `instrumentation.ts`.
 */
export function installPeerAddressHook(): void {
  const prototype = http.Server.prototype as Patched;
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const emit = prototype.emit;
  prototype.emit = function patchedEmit(
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return (emit as (...values: unknown[]) => boolean).apply(this, [event, ...args]);
  } as typeof emit;
}
