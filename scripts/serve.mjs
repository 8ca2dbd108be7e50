#!/usr/bin/env node
// Starts the playground. `local` builds and serves it on the built-in local engine (no key, no
// network); `start` serves an existing build with the backend chosen by the environment;
// `dev` runs `next dev`. PORT (default 3000) and HOST (default 127.0.0.1) choose the address.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const mode = process.argv[2] ?? "start";
const skipBuild = process.argv.includes("--skip-build");
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "127.0.0.1";
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: port };

if (!["local", "start", "dev"].includes(mode)) {
  console.error(`Unknown mode "${mode}": use local, start or dev.`);
  process.exit(2);
}
if (mode === "local") env.KONTEXT_BACKEND = "local";

if (mode === "local" && !skipBuild) {
  console.log("Building the playground (about 20 s)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (mode !== "dev" && !existsSync(".next/BUILD_ID")) {
  console.error("No build found: run `npm run build` first (or `npm run local`, which builds).");
  process.exit(1);
}

const backend = env.KONTEXT_BACKEND ?? (env.FAL_KEY ? "fal" : "local");
const child = spawn(
  process.execPath,
  [nextBin, mode === "dev" ? "dev" : "start", "-H", host, "-p", port],
  { env, stdio: ["inherit", "pipe", "inherit"] },
);
const shownHost = host === "0.0.0.0" || host === "127.0.0.1" ? "localhost" : host;
let announced = false;
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready|started server/i.test(String(chunk))) {
    announced = true;
    const label = backend === "local" ? "local engine (a preview, not FLUX)" : "fal.ai";
    console.log(
      `\n  Kontext Playground is running at http://${shownHost}:${port}  —  backend: ${label}\n`,
    );
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
