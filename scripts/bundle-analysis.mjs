// What is inside the build's client chunks, module by module, from Next's own bundle analyzer
// (`next analyze`, Turbopack only): it compiles the app once more without writing a build and
// records every output chunk with the size of each source file in it. Its chunks are named
// differently from the build's, so each build chunk is matched to the analyzer's chunk that the
// same entry (the bootstrap, a page, a client component) loads at the same position; sizes are
// printed side by side so a poor match shows.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

const ANALYZE_DIR = ".next/diagnostics/analyze";
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

function next(args, options = {}) {
  const result = spawnSync(process.execPath, [nextBin, ...args], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    maxBuffer: 1024 * 1024 * 1024,
    encoding: "utf8",
    ...options,
  });
  if (result.status !== 0) {
    throw new Error(`next ${args.join(" ")} failed: ${result.stderr?.slice(-2000) ?? ""}`);
  }
  return result.stdout;
}

/** The newest saved analysis, or null. */
function latestSnapshot() {
  const history = path.join(ANALYZE_DIR, "history");
  if (!existsSync(history)) return null;
  const snapshots = readdirSync(history)
    .map((name) => path.join(history, name, "metadata.json"))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, "utf8")))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return snapshots[0] ?? null;
}

/**
 * The analyzer's records (see `next analyze export`). Runs `next analyze -o` first (a compile,
 * about 20–40 s) when there is no analysis newer than the build, or when `refresh` is set.
 */
export function loadAnalysis({ refresh = false } = {}) {
  const builtAt = statSync(".next/BUILD_ID").mtimeMs;
  let snapshot = latestSnapshot();
  if (refresh || !snapshot || Date.parse(snapshot.createdAt) < builtAt) {
    console.log("Running `next analyze` for module sizes (a second compile, about 30 s)…");
    next(["analyze", "--output"], { stdio: ["ignore", "ignore", "pipe"] });
    snapshot = latestSnapshot();
  }
  const lines = next(["analyze", "export", "--snapshot", snapshot.name]).split("\n");
  return lines.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line));
}

/** `[project]/node_modules/next/dist/esm/x.js [app-client] (…)` → `node_modules/next/dist/x`. */
function normalise(ident) {
  return ident
    .replace(/ \[.*$/, "")
    .replace(/^\[project\]\//, "")
    .replace("/next/dist/esm/", "/next/dist/")
    .replace(/\.[cm]?[jt]sx?$/, "");
}

/** Keys naming why a build chunk loads: `bootstrap#i`, `<entry or client module>#i`. */
function buildChunkKeys() {
  const keys = new Map();
  const add = (file, key) => {
    const name = path.basename(file);
    if (!name.endsWith(".js")) return;
    if (!keys.has(name)) keys.set(name, new Set());
    keys.get(name).add(key);
  };
  const addList = (prefix, files) => {
    const scripts = files.filter((f) => f.endsWith(".js"));
    for (const [i, file] of scripts.entries()) add(file, `${prefix}#${i}`);
  };
  const manifest = JSON.parse(readFileSync(".next/build-manifest.json", "utf8"));
  addList("bootstrap", manifest.rootMainFiles ?? []);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith("_client-reference-manifest.js")) {
        const context = {};
        vm.runInNewContext(readFileSync(file, "utf8"), context);
        for (const route of Object.values(context.__RSC_MANIFEST ?? {})) {
          for (const [ident, module] of Object.entries(route.clientModules ?? {})) {
            addList(normalise(ident), module.chunks ?? []);
          }
          for (const [ident, files] of Object.entries(route.entryJSFiles ?? {})) {
            addList(normalise(ident), files);
          }
        }
      }
    }
  };
  walk(".next/server/app");
  return keys;
}

/** Where a source file belongs: its npm package, or its folder in the project. */
export function ownerOf(sourcePath) {
  const file = sourcePath.replace(/^\[project\]\//, "");
  const at = file.lastIndexOf("node_modules/");
  if (at < 0) return file.includes("/") ? path.dirname(file) : file;
  const parts = file.slice(at + "node_modules/".length).split("/");
  const name = (i) => (parts[i]?.startsWith("@") ? `${parts[i]}/${parts[i + 1]}` : parts[i]);
  if (parts[0] === "next" && parts[1] === "dist" && parts[2] === "compiled") {
    return `${name(3)} (bundled in next)`;
  }
  return name(0);
}

/**
 * For each build chunk name, what the analyzer found in it: `{ analyzedAs, analyzedBytes,
 * matchedBy, owners: [{ owner, bytes, share }] }` where `bytes` are minified bytes and `share`
 * the owner's part of the chunk's compressed size (0–1). Chunks it cannot match are missing.
 */
export function attributeChunks(records, buildChunks) {
  const parts = new Map();
  for (const record of records) {
    if (record.type !== "part" || !record.filename.startsWith("[client-fs]")) continue;
    const name = path.basename(record.filename);
    if (!parts.has(name)) parts.set(name, new Map());
    parts.get(name).set(record.source_path, record);
  }
  const analyzerKeys = new Map();
  for (const group of records.filter((r) => r.type === "group")) {
    const prefix = group.kind === "bootstrap" ? "bootstrap" : normalise(group.trigger_module_ident);
    const files = group.outputs.map((f) => path.basename(f)).filter((f) => f.endsWith(".js"));
    for (const [i, file] of files.entries()) {
      if (!analyzerKeys.has(`${prefix}#${i}`)) analyzerKeys.set(`${prefix}#${i}`, file);
    }
  }
  const keys = buildChunkKeys();
  const taken = new Set();
  const result = new Map();
  const describe = (name, analyzedAs, matchedBy) => {
    taken.add(analyzedAs);
    const own = new Map();
    let total = 0;
    let compressed = 0;
    for (const part of parts.get(analyzedAs)?.values() ?? []) {
      const owner = ownerOf(part.source_path);
      const entry = own.get(owner) ?? { owner, bytes: 0, compressed: 0, modules: 0 };
      entry.bytes += part.size;
      entry.compressed += part.compressed_size;
      entry.modules += 1;
      own.set(owner, entry);
      total += part.size;
      compressed += part.compressed_size;
    }
    const owners = [...own.values()]
      .map((o) => ({ ...o, share: compressed ? o.compressed / compressed : 0 }))
      .sort((a, b) => b.compressed - a.compressed);
    result.set(name, { analyzedAs, analyzedBytes: total, matchedBy, owners });
  };
  for (const { name } of buildChunks) {
    if (parts.has(name)) {
      describe(name, name, "same name");
      continue;
    }
    const votes = new Map();
    for (const key of keys.get(name) ?? []) {
      const file = analyzerKeys.get(key);
      if (file) votes.set(file, (votes.get(file) ?? 0) + 1);
    }
    const best = [...votes].sort((a, b) => b[1] - a[1])[0];
    if (best) describe(name, best[0], "same entry");
  }
  // Chunks no entry names (e.g. loaded by import()): the unmatched analyzer chunk of the
  // nearest size, within 10 %.
  for (const { name, raw } of buildChunks) {
    if (result.has(name) || !name.endsWith(".js")) continue;
    let best = null;
    for (const [file, fileParts] of parts) {
      if (taken.has(file) || !file.endsWith(".js")) continue;
      const size = [...fileParts.values()].reduce((sum, p) => sum + p.size, 0);
      const gap = Math.abs(size - raw) / raw;
      if (gap < 0.1 && (!best || gap < best.gap)) best = { file, gap };
    }
    if (best) describe(name, best.file, "nearest size");
  }
  return result;
}
