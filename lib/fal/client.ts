import { createFalClient, type FalClient } from "@fal-ai/client";
import { fetchFailingOnGuard } from "./guard-errors";
import { getVisitorFalKey } from "./visitor-key";

/** The browser's route to fal: every call goes through this app's proxy, which adds the key. */
export const PROXY_PATH = "/api/fal/proxy";

/**
 * A fal client that sends everything through the playground's proxy. When the visitor has set
 * their own key (see `setVisitorFalKey`), each proxied request carries it as
 * `Authorization: Key …` (read per request, so setting or clearing it takes effect at once);
 * otherwise no Authorization header is sent and the server's key is used. A refusal by the
 * demo's guard (quota, spend cap, access code) is raised at once as a `GuardRefusalError`, not
 * retried.
 */
export function createPlaygroundFalClient(): FalClient {
  return createFalClient({
    proxyUrl: PROXY_PATH,
    credentials: () => getVisitorFalKey(),
    fetch: fetchFailingOnGuard,
    // The key is the visitor's own, typed into this tab on purpose: no "exposed" warning.
    suppressLocalCredentialsWarning: true,
  });
}
