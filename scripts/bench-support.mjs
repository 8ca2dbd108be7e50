// Shared by the benchmark scripts: serving an existing build on loopback with the local engine
// and a temporary data directory, finding Chromium, and small number helpers. Nothing here
// depends on the app's component files.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

/** Chromium flags for a headless, quiet, offline browser (as in playwright.config.ts). */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** `--name=value` and bare `--flag` arguments as an object (`--flag` → true). */
export function parseArgs(argv = process.argv.slice(2)) {
  const options = {};
  for (const arg of argv) {
    const match = arg.match(/^--([a-z-]+)(?:=(.*))?$/);
    if (!match) throw new Error(`Unknown argument "${arg}" (expected --name or --name=value)`);
    options[match[1]] = match[2] ?? true;
  }
  return options;
}

/** Exits with a message when there is no build to serve. */
export function requireBuild() {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("No build found: run `npm run build` first.");
    process.exit(1);
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(origin, child) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode})`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not answer /api/health within 120 s");
}

/**
 * Serves the existing build (`scripts/serve.mjs start`) on 127.0.0.1 with the local engine and a
 * fresh temporary LOCAL_ENGINE_DATA_DIR. `port` defaults to a free one; `env` adds variables
 * (e.g. LOCAL_ENGINE_STEP_MS). Returns `{ origin, stop }`; `stop()` ends the server and deletes
 * the data directory.
 */
export async function startServer({ port, env = {} } = {}) {
  const chosenPort = port ? Number(port) : await freePort();
  const origin = `http://127.0.0.1:${chosenPort}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "kontext-bench-"));
  const child = spawn(process.execPath, ["scripts/serve.mjs", "start"], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      KONTEXT_BACKEND: "local",
      HOST: "127.0.0.1",
      PORT: String(chosenPort),
      LOCAL_ENGINE_DATA_DIR: dataDir,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = () =>
    new Promise((resolve) => {
      const done = () => {
        rmSync(dataDir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", done);
      child.kill("SIGTERM");
    });
  try {
    await waitForHealth(origin, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, stop };
}

/** The Chromium to use: CHROME_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath() {
  const found = [process.env.CHROME_PATH, "/usr/bin/chromium"].find((p) => p && existsSync(p));
  if (!found) throw new Error("No Chromium found: install chromium or set CHROME_PATH");
  return found;
}

/** The value at percentile `p` (0–100) of `values`, nearest rank. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** The median of `values` (the middle one; the mean of the two middle ones when even). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Bytes as decimal kilobytes with one decimal, e.g. "344.8 KB" (1 KB = 1,000 bytes). */
export function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** A one-line note on the machine: cores and load, for reading timings in context. */
export function machineNote() {
  return `load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`;
}
