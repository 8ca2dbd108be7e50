import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3107);
/** The fake Hugging Face Hub the app reads LoRAs from (scripts/fake-hub.mjs), beside the app's port. */
const HUB_PORT = Number(process.env.E2E_HUB_PORT ?? PORT + 1000);

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
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
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
        },
      },
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
        // Slow enough that a 50-step run (2 s) can be cancelled or reloaded mid-run on a busy CI machine.
        LOCAL_ENGINE_STEP_MS: "40",
        LOCAL_ENGINE_DATA_DIR: ".data/e2e-engine",
        HF_ENDPOINT: `http://127.0.0.1:${HUB_PORT}`,
      },
    },
  ],
});
