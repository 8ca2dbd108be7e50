/**
 * The public-demo setup of the end-to-end tests: a second app on the fal backend, with the
 * guard on (access code, a 2-per-minute quota), whose "fal" is a recording fake on loopback that
 * the spec starts itself (e2e/support/fake-fal.ts). Ports derive from E2E_PORT so that helpers
 * running side by side never share one.
 */
const BASE_PORT = Number(process.env.E2E_PORT ?? 3107);

/** The guarded app (fal backend). */
export const DEMO_PORT = BASE_PORT + 1000;
/** The fake fal it forwards to. */
export const FAKE_FAL_PORT = BASE_PORT + 2000;
export const DEMO_ORIGIN = `http://127.0.0.1:${DEMO_PORT}`;

/** The server's (dummy) key, the access code and the quota the demo app runs with. */
export const DEMO_SERVER_KEY = "e2e-server-key-5f0c1a";
export const DEMO_ACCESS_CODE = "e2e-open-sesame-7";
export const DEMO_RATE_LIMIT = "2/minute";

/** Environment of the demo app's webServer. */
export const DEMO_ENV: Record<string, string> = {
  NEXT_TELEMETRY_DISABLED: "1",
  KONTEXT_BACKEND: "fal",
  FAL_KEY: DEMO_SERVER_KEY,
  FAL_UPSTREAM_ORIGIN: `http://127.0.0.1:${FAKE_FAL_PORT}`,
  KONTEXT_ACCESS_CODE: DEMO_ACCESS_CODE,
  KONTEXT_RATE_LIMIT: DEMO_RATE_LIMIT,
  PORT: String(DEMO_PORT),
};
