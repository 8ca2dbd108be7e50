#!/usr/bin/env node
// What the first load of the playground costs in JavaScript. Expects a build (`npm run build`):
// serves it on a free loopback port (local engine, temporary data directory), reads the HTML that
// `next start` sends for `/` (and for a real `/share?r=…` link, made by one run in Chromium),
// fetches every script that HTML references — `<script src>` (async, defer, module or nomodule)
// and script preloads — and gzips each at level 9. Next 16 prints no "First Load JS", and `/` is
// rendered per request (there is no prerendered index.html), so this asks the running server.
//
// Prints each initial chunk's gzip and raw size and what is in it (by npm package or project
// folder, from `next analyze`), the total, and every other JS chunk of the build (initial on
// another route, or loaded on demand). Kilobytes are 1,000 bytes.
//
//   npm run bench:bundle -- [--no-share] [--no-modules] [--refresh-analysis] [--port=N]
//   npm run check:bundle                       (= --budget: only the total for `/`, against the
//                                               budget in scripts/bundle-budget.mjs; exits 1 when over)
//   node scripts/bench-bundle.mjs --budget=200 (another budget, in KB)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import {
  CHROMIUM_FLAGS,
  chromiumPath,
  kb,
  parseArgs,
  requireBuild,
  startServer,
} from "./bench-support.mjs";
import { makeShareLink } from "./bench-ui.mjs";
import { attributeChunks, loadAnalysis } from "./bundle-analysis.mjs";
import { INITIAL_JS_BUDGET_KB } from "./bundle-budget.mjs";
import { budgetVerdict, scriptsOf } from "./bundle-html.mjs";

const options = parseArgs();
const budgetKB =
  options.budget === undefined
    ? null
    : options.budget === true
      ? INITIAL_JS_BUDGET_KB
      : Number(options.budget);
if (budgetKB !== null && !(budgetKB > 0)) {
  console.error(`--budget must be a number of kilobytes, not "${options.budget}"`);
  process.exit(2);
}
const isCheckOnly = budgetKB !== null;
const withShare = !isCheckOnly && !options["no-share"];
const withModules = !isCheckOnly && !options["no-modules"];
requireBuild();

/** The scripts of the page at `url`, each fetched from the server and gzipped at level 9. */
async function measurePage(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  const { scripts, inlineBytes } = scriptsOf(await response.text());
  for (const script of scripts) {
    const file = await fetch(new URL(script.src, url));
    if (!file.ok) throw new Error(`GET ${script.src} answered ${file.status}`);
    const bytes = Buffer.from(await file.arrayBuffer());
    script.name = path.basename(new URL(script.src, url).pathname);
    script.raw = bytes.length;
    script.gzip = gzipSync(bytes, { level: 9 }).length;
  }
  const sum = (list, key) => list.reduce((total, s) => total + s[key], 0);
  const modern = scripts.filter((s) => s.kind !== "nomodule");
  return {
    scripts,
    inlineBytes,
    gzip: sum(scripts, "gzip"),
    raw: sum(scripts, "raw"),
    modernGzip: sum(modern, "gzip"),
  };
}

function row(cells, widths) {
  return `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")}`;
}

function printOwners(owners, gzip, limit, indent = "      ") {
  for (const o of owners.slice(0, limit)) {
    const approx = `≈${kb(o.share * gzip)}`.padStart(10);
    console.log(`${indent}${approx}  ${o.owner}  (${kb(o.bytes)} raw, ${o.modules} files)`);
  }
  if (owners.length > limit) {
    const rest = owners.slice(limit);
    const share = rest.reduce((sum, o) => sum + o.share, 0);
    console.log(`${indent}${`≈${kb(share * gzip)}`.padStart(10)}  ${rest.length} more`);
  }
}

function printPage(title, page, attribution) {
  console.log(`\n${title}`);
  const widths = [34, 10, 10, 0];
  console.log(row(["script", "gzip -9", "raw", "loaded as"], widths));
  for (const s of page.scripts) {
    console.log(row([s.name, kb(s.gzip), kb(s.raw), ` ${s.how.join(" ")}`], widths));
  }
  console.log(row([`total (${page.scripts.length} scripts)`, kb(page.gzip), kb(page.raw)], widths));
  const nomodule = page.scripts.filter((s) => s.kind === "nomodule");
  if (nomodule.length > 0) {
    console.log(
      `  of which ${kb(page.modernGzip)} gzip run in modern browsers (nomodule polyfills, which they skip: ${kb(page.gzip - page.modernGzip)})`,
    );
  }
  console.log(
    `  inline scripts in the HTML (RSC payload; not counted above): ${kb(page.inlineBytes)}`,
  );
  if (!attribution) return;
  console.log("\n  What is in each script (minified bytes per source, from `next analyze`):");
  const totals = new Map();
  for (const s of page.scripts) {
    const found = attribution.get(s.name);
    if (!found) {
      console.log(`    ${s.name}: not in the analysis (the build changed?)`);
      continue;
    }
    const note = found.analyzedAs === s.name ? "" : `, matched by ${found.matchedBy}`;
    console.log(
      `    ${s.name} — ${kb(s.gzip)} gzip (analysed: ${kb(found.analyzedBytes)} of sources${note})`,
    );
    printOwners(found.owners, s.gzip, 8);
    for (const o of found.owners) {
      const t = totals.get(o.owner) ?? { owner: o.owner, gzip: 0, bytes: 0, modules: 0 };
      t.gzip += o.share * s.gzip;
      t.bytes += o.bytes;
      t.modules += o.modules;
      totals.set(o.owner, t);
    }
  }
  const ranked = [...totals.values()].sort((a, b) => b.gzip - a.gzip);
  console.log("\n  The whole first load by package or folder (≈ gzip, raw):");
  for (const t of ranked.slice(0, 25)) {
    console.log(`    ${`≈${kb(t.gzip)}`.padStart(10)}  ${t.owner}  (${kb(t.bytes)} raw)`);
  }
}

/** Every JS chunk of the build not in `initial`, grouped: initial on other routes, or on demand. */
function printOtherChunks(initial, attribution) {
  const dir = ".next/static/chunks";
  const others = readdirSync(dir)
    .filter((name) => name.endsWith(".js") && !initial.has(name))
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name));
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
  let stats = [];
  try {
    stats = JSON.parse(readFileSync(".next/diagnostics/route-bundle-stats.json", "utf8"));
  } catch {
    // older or newer Next: no per-route list; everything counts as on demand
  }
  const routesOf = (name) =>
    stats
      .filter((r) => r.firstLoadChunkPaths?.some((p) => p.endsWith(`/${name}`)))
      .map((r) => r.route);
  const groups = new Map();
  for (const chunk of others) {
    const routes = routesOf(chunk.name);
    const label = routes.length
      ? `initial on ${routes.join(", ")}`
      : "loaded on demand (import(), next/dynamic, polyfills)";
    if (!groups.has(label)) groups.set(label, []);
    groups.get(label).push(chunk);
  }
  console.log(`\nOther JS chunks of the build (${others.length}, not loaded by /):`);
  for (const [label, chunks] of groups) {
    const gzip = chunks.reduce((sum, c) => sum + c.gzip, 0);
    console.log(`  ${label}: ${chunks.length} chunks, ${kb(gzip)} gzip`);
    for (const c of chunks.sort((a, b) => b.gzip - a.gzip)) {
      const found = attribution?.get(c.name);
      const top = found?.owners
        .slice(0, 4)
        .map((o) => o.owner)
        .join(", ");
      console.log(
        `    ${c.name.padEnd(30)} ${kb(c.gzip).padStart(9)} ${kb(c.raw).padStart(10)}  ${top ?? ""}`,
      );
    }
  }
}

const server = await startServer({ port: options.port });
let home;
let share = null;
try {
  home = await measurePage(`${server.origin}/`);
  if (withShare) {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
    try {
      const link = await makeShareLink(browser, server.origin);
      share = await measurePage(link);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.stop();
}

if (isCheckOnly) {
  const verdict = budgetVerdict(home.gzip, budgetKB);
  console.log(
    `Initial JS for /: ${kb(home.gzip)} gzip -9 (${home.scripts.length} scripts the HTML references, ${kb(home.raw)} raw); budget ${budgetKB} KB: ${verdict.text}`,
  );
  for (const s of home.scripts) console.log(`  ${s.name.padEnd(34)} ${kb(s.gzip).padStart(9)}`);
  process.exit(verdict.isWithin ? 0 : 1);
}

let attribution = null;
if (withModules) {
  const buildChunks = readdirSync(".next/static/chunks").map((name) => ({
    name,
    raw: readFileSync(path.join(".next/static/chunks", name)).length,
  }));
  attribution = attributeChunks(
    loadAnalysis({ refresh: Boolean(options["refresh-analysis"]) }),
    buildChunks,
  );
}
printPage(
  "Initial JS for / (every script its HTML references, served by next start)",
  home,
  attribution,
);
if (share) printPage("Initial JS for /share?r=… (a one-run recipe link)", share, attribution);
const initial = new Set(home.scripts.map((s) => s.name));
printOtherChunks(initial, attribution);
console.log(
  `\nByte budget for /: ${INITIAL_JS_BUDGET_KB} KB (scripts/bundle-budget.mjs); today ${kb(home.gzip)}.`,
);
