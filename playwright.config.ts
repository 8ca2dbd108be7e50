import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { DEMO_ENV, DEMO_ORIGIN } from "./e2e/support/demo-server";

const PORT = Number(process.env.E2E_PORT ?? 3107);
/** The fake Hugging Face Hub the app reads LoRAs from (scripts/fake-hub.mjs), beside the app's port
 * (+1000 and +2000 are the public-demo app and its fake fal). */
const HUB_PORT = Number(process.env.E2E_HUB_PORT ?? PORT + 3000);

/** A system Chromium when there is one (CHROME_PATH, else /usr/bin/chromium), else Playwright's own. */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium"];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  // scripts/test.mjs asks for a JSON report too, to print the suite's closing tally.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [["list"], ["json"]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: "**/public-demo.spec.ts",
      use: { ...devices["Desktop Chrome"], launchOptions: launchOptions() },
    },
    {
      // The public demo (fal backend, guard on, a fake fal): e2e/support/demo-server.ts.
      name: "public-demo",
      testMatch: "**/public-demo.spec.ts",
      use: { ...devices["Desktop Chrome"], baseURL: DEMO_ORIGIN, launchOptions: launchOptions() },
    },
  ],
  webServer: [
    {
      command: `node scripts/fake-hub.mjs --port=${HUB_PORT}`,
      url: `http://127.0.0.1:${HUB_PORT}/api/models?limit=1`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "node scripts/serve.mjs start",
      url: `http://127.0.0.1:${PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        KONTEXT_BACKEND: "local",
        PORT: String(PORT),
        // Slow enough that a 50-step run (4 s) can be cancelled or reloaded mid-run on a busy CI
        // machine: the engine's steps keep wall-clock time, so a starved browser no longer stretches them.
        LOCAL_ENGINE_STEP_MS: "80",
        LOCAL_ENGINE_DATA_DIR: ".data/e2e-engine",
        HF_ENDPOINT: `http://127.0.0.1:${HUB_PORT}`,
      },
    },
    {
      command: "node scripts/serve.mjs start",
      url: `${DEMO_ORIGIN}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: DEMO_ENV,
    },
  ],
});

/** Headless Chromium, the system's when there is one. */
function launchOptions() {
  return {
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  };
}
