#!/usr/bin/env node
// The whole test suite: build (with a canary FAL_KEY, so the key-safety tests can prove it never
// reaches the browser bundle), the byte budget of the first load (counted as one test), unit and
// integration tests (Vitest), then end-to-end tests in a real Chromium (Playwright). Prints one
// closing line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const REPORTS = ".test-reports";

function findChromium() {
  for (const candidate of [process.env.CHROME_PATH, "/usr/bin/chromium"]) {
    if (candidate && existsSync(candidate)) return { path: candidate, source: "system" };
  }
  try {
    const bundled = require("playwright-core").chromium.executablePath();
    if (bundled && existsSync(bundled)) return { path: bundled, source: "playwright" };
  } catch {
    // playwright-core missing or no browser downloaded
  }
  return null;
}

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const chromium = findChromium();
if (!chromium) {
  console.error(
    [
      "No Chromium found for the end-to-end tests. Install one of:",
      "  • Debian/Ubuntu:  sudo apt-get install -y chromium   (found at /usr/bin/chromium)",
      "  • any system:     set CHROME_PATH=/path/to/chrome-or-chromium",
      "  • Playwright's:   npx playwright install chromium   (needs internet access)",
    ].join("\n"),
  );
  process.exit(1);
}
console.log(`Using ${chromium.source} Chromium at ${chromium.path}`);

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
const canary = `fal-canary-build-${randomBytes(12).toString("hex")}`;
const node = process.execPath;
// The runners' own entry points, so no shell or npx is involved.
const bin = (file) => path.resolve("node_modules", file);

let ok = run("Build (with a canary FAL_KEY)", node, [bin("next/dist/bin/next"), "build"], {
  FAL_KEY: canary,
});
// Bytes are deterministic, so the budget is a check on every build, not a timed test: it prints
// the figure, and an over-budget build counts as one failed test (the other tests still run).
const isWithinBudget = ok
  ? run("Byte budget: initial JS of / (scripts/bundle-budget.mjs)", node, [
      "scripts/bench-bundle.mjs",
      "--budget",
    ])
  : null;
if (ok) {
  ok = run(
    "Unit and integration tests (Vitest)",
    node,
    [
      bin("vitest/vitest.mjs"),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${REPORTS}/vitest.json`,
    ],
    { KEY_CANARY: canary },
  );
}
if (ok) {
  ok = run(
    "End-to-end tests (Playwright, real Chromium)",
    node,
    [bin("@playwright/test/cli.js"), "test"],
    {
      CHROME_PATH: chromium.path,
      PLAYWRIGHT_JSON_OUTPUT_FILE: `${REPORTS}/e2e.json`,
    },
  );
}

const vitest = readJson(`${REPORTS}/vitest.json`);
const e2e = readJson(`${REPORTS}/e2e.json`);
const passed =
  (vitest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (isWithinBudget === true ? 1 : 0);
const counted =
  (vitest?.numFailedTests ?? 0) +
  (e2e?.stats?.unexpected ?? 0) +
  (e2e?.stats?.flaky ?? 0) +
  (isWithinBudget === false ? 1 : 0);
// A step that failed without failing a test (a broken build, a crashed runner) still counts.
const failed = !ok && counted === 0 ? 1 : counted;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
