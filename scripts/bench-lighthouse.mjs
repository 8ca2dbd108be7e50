#!/usr/bin/env node
// Lighthouse on the playground's first screen and on a share page. Expects a build (`npm run
// build`): serves it on loopback (local engine, temporary data directory), makes one run in
// Chromium to get a real `/share?r=…` link, then runs Lighthouse (mobile, its default simulated
// throttling) three times per page in headless Chromium and prints the medians: performance,
// LCP, TBT, CLS, accessibility, and the LCP element. No pass/fail: it is a measurement.
//
//   npm run bench:lighthouse -- [--runs=3] [--port=N] [--save=DIR]
//
// `--save=DIR` keeps every run's full Lighthouse report (JSON) in DIR, named by page and run
// (`root-1.json`, `share-1.json`, …), to look into: the LCP element and its phases, bootup time,
// main-thread work, long tasks, the observed (unthrottled) timings.
//
// Lighthouse comes through npx at a pinned version (it is 176 MB, too much for a dev
// dependency); the first run downloads it from the npm registry into npx's cache.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import {
  CHROMIUM_FLAGS,
  chromiumPath,
  machineNote,
  median,
  parseArgs,
  requireBuild,
  startServer,
} from "./bench-support.mjs";
import { makeShareLink } from "./bench-ui.mjs";

const LIGHTHOUSE = "lighthouse@12.8.2";
const RUN_TIMEOUT_MS = 240_000;
const options = parseArgs();
const RUNS = Number(options.runs ?? 3);
const SAVE_DIR = typeof options.save === "string" ? path.resolve(options.save) : null;
requireBuild();

/** One Lighthouse run of `url`; resolves to its report (LHR). */
function lighthouse(url, outDir, index) {
  const output = path.join(outDir, `${index}.json`);
  const args = [
    "-y",
    LIGHTHOUSE,
    url,
    "--only-categories=performance,accessibility",
    "--output=json",
    `--output-path=${output}`,
    `--chrome-flags=${CHROMIUM_FLAGS.join(" ")}`,
    "--quiet",
  ];
  return new Promise((resolve, reject) => {
    const child = spawn("npx", args, {
      env: { ...process.env, CHROME_PATH: chromiumPath(), NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), RUN_TIMEOUT_MS);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`lighthouse exited with ${code}: ${stderr}`));
      resolve(JSON.parse(readFileSync(output, "utf8")));
    });
  });
}

/** The first DOM node a Lighthouse audit's details name (LCP element), as a short label. */
function firstNode(details) {
  const stack = [details];
  while (stack.length > 0) {
    const item = stack.shift();
    if (!item || typeof item !== "object") continue;
    if (item.node?.snippet) {
      const label = item.node.nodeLabel ? `"${item.node.nodeLabel.slice(0, 80)}" ` : "";
      return `${label}${item.node.snippet.slice(0, 120)}`;
    }
    stack.push(...(Array.isArray(item) ? item : Object.values(item)));
  }
  return "(not reported)";
}

function figures(report) {
  const audit = (id) => report.audits[id];
  return {
    performance: report.categories.performance.score,
    accessibility: report.categories.accessibility.score,
    fcp: audit("first-contentful-paint").numericValue,
    lcp: audit("largest-contentful-paint").numericValue,
    tbt: audit("total-blocking-time").numericValue,
    cls: audit("cumulative-layout-shift").numericValue,
    unusedJs: audit("unused-javascript")?.details?.overallSavingsBytes ?? 0,
    lcpElement: firstNode(audit("largest-contentful-paint-element")?.details),
    version: report.lighthouseVersion,
    warnings: report.runWarnings ?? [],
  };
}

function printPage(title, runs) {
  const pick = (key) => runs.map((run) => run[key]);
  const show = (key, format) =>
    `${format(median(pick(key)))}  (runs: ${pick(key).map(format).join(", ")})`;
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const millis = (ms) => `${Math.round(ms)} ms`;
  const score = (value) => value.toFixed(2);
  const byScore = [...runs].sort((a, b) => a.performance - b.performance);
  const middle = byScore[Math.floor(byScore.length / 2)];
  console.log(`\n${title} — median of ${runs.length} runs`);
  console.log(`  performance          ${show("performance", score)}`);
  console.log(`  LCP                  ${show("lcp", seconds)}`);
  console.log(`  TBT                  ${show("tbt", millis)}`);
  console.log(`  CLS                  ${show("cls", (v) => v.toFixed(3))}`);
  console.log(`  FCP                  ${show("fcp", seconds)}`);
  console.log(`  accessibility        ${show("accessibility", score)}`);
  console.log(`  unused JavaScript    ${show("unusedJs", (b) => `${Math.round(b / 1000)} KB`)}`);
  console.log(`  LCP element          ${middle.lcpElement}  (median-score run)`);
  for (const warning of new Set(runs.flatMap((run) => run.warnings))) {
    console.log(`  warning: ${warning}`);
  }
}

const outDir = mkdtempSync(path.join(os.tmpdir(), "kontext-lighthouse-"));
const server = await startServer({ port: options.port });
try {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  let shareLink;
  try {
    shareLink = await makeShareLink(browser, server.origin);
  } finally {
    await browser.close();
  }
  const pages = [
    ["/ (the playground, empty, local engine)", `${server.origin}/`, "root"],
    ["/share?r=… (a one-run recipe link)", shareLink, "share"],
  ];
  if (SAVE_DIR) mkdirSync(SAVE_DIR, { recursive: true });
  const results = [];
  for (const [title, url, name] of pages) {
    await fetch(url); // warm the server's caches once, as a visited page would be
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const file = `${name}-${i + 1}`;
      runs.push(figures(await lighthouse(url, outDir, file)));
      if (SAVE_DIR)
        copyFileSync(path.join(outDir, `${file}.json`), path.join(SAVE_DIR, `${file}.json`));
    }
    results.push([title, runs]);
  }
  const version = results[0][1][0].version;
  console.log(
    `\nLighthouse ${version}, mobile (default simulated throttling), headless Chromium, ${machineNote()}`,
  );
  for (const [title, runs] of results) printPage(title, runs);
  if (SAVE_DIR) console.log(`\nReports saved in ${SAVE_DIR}`);
} finally {
  await server.stop();
  rmSync(outDir, { recursive: true, force: true });
}
