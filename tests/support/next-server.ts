import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** A running `next start` of this repo's build. */
export interface NextServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Finds a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built app (`next start`) on a free port with `env` added to a clean environment
 * and waits for /api/health.
 */
export async function startNext(env: Record<string, string>): Promise<NextServer> {
  if (!existsSync(".next/BUILD_ID")) {
    throw new Error("No build found: run `npm run build` first (`npm test` builds for you)");
  }
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(childEnv)) {
    // No FAL_KEY, Hub token, Redis or backend settings leak in from the caller's shell.
    if (/^(FAL_|KONTEXT_|LOCAL_ENGINE_|HF_|REDIS_URL$)/.test(name)) delete childEnv[name];
  }
  Object.assign(childEnv, {
    NEXT_TELEMETRY_DISABLED: "1",
    LOCAL_ENGINE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "kontext-engine-")),
    ...env,
    PORT: String(port),
  });
  const child = spawn(
    process.execPath,
    [
      path.resolve("node_modules/next/dist/bin/next"),
      "start",
      "-H",
      "127.0.0.1",
      "-p",
      String(port),
    ],
    { env: childEnv, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout?.on("data", (chunk) => {
    log += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    log += String(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${log}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`next start did not become healthy in 30 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    url,
    output: () => log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
