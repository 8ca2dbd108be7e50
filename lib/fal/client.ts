import { createFalClient, type FalClient } from "@fal-ai/client";

/** The browser's route to fal: every call goes through this app's proxy, which adds the key. */
export const PROXY_PATH = "/api/fal/proxy";

/** A fal client that sends everything through the playground's proxy. */
export function createPlaygroundFalClient(): FalClient {
  return createFalClient({ proxyUrl: PROXY_PATH });
}
