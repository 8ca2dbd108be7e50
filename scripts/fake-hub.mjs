#!/usr/bin/env node
// Serves the tests' fake Hugging Face Hub (tests/support/fake-hub.ts, with the models of
// fake-hub-models.ts) on a fixed loopback port until stopped, for the e2e run: the app is
// started with HF_ENDPOINT pointing here (see playwright.config.ts). The TypeScript is loaded
// with Vite's runnerImport, as scripts/bench-gallery.mjs loads its fixtures.
//
//   node scripts/fake-hub.mjs --port=4107
//
// Repositories under `offline/` drop the connection, as an unreachable Hub does.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runnerImport } from "vite";

const port = Number(/^--port=(\d+)$/.exec(process.argv[2] ?? "")?.[1]);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error("Usage: node scripts/fake-hub.mjs --port=<port>");
  process.exit(2);
}

const root = fileURLToPath(new URL("../", import.meta.url));
const load = async (file) =>
  (
    await runnerImport(path.join(root, file), {
      configFile: false,
      root,
      logLevel: "silent",
      resolve: { alias: { "@": root } },
    })
  ).module;

const { startFakeHub } = await load("tests/support/fake-hub.ts");
const { FAKE_MODELS, FAKE_RENAMES } = await load("tests/support/fake-hub-models.ts");
const hub = await startFakeHub(FAKE_MODELS, { renames: FAKE_RENAMES, port });
hub.fault("/api/models/offline/", { kind: "reset" });
hub.fault("/offline/", { kind: "reset" });
console.log(`Fake Hugging Face Hub on ${hub.url}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    void hub.stop().finally(() => process.exit(0));
  });
}
