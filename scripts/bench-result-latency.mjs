#!/usr/bin/env node
// How soon a finished result is on screen. Expects a build (`npm run build`): serves it on
// loopback with the local engine (fast steps, temporary data directory), opens the playground in
// Chromium, and makes N runs through the real proxy, first with the SSE status stream, then with
// the stream blocked (`page.route` aborts it) so the polling fallback carries the run. For each
// run it measures, on the machine's one clock:
//
//   engine completed  the timestamp of the request's last log line, which the engine writes as it
//                     finishes the job (read back through fal's status API, `?logs=1`)
//   result fetched    when the browser had the result JSON (Playwright's timing of that response)
//   painted           when the result image was painted (Element Timing's renderTime; an
//                     `elementtiming` attribute is added to result images as they appear), or,
//                     if the browser gives none, the frame after the image loaded
//
// and prints p50/p95 of completed → painted (and → fetched) per path, and where the time after
// the result arrived goes (→ the image's src set → loaded → painted; the image's own request split
// by Resource Timing into first byte, last byte and load event). No pass/fail.
//
//   npm run bench:result-latency -- [--runs=20] [--step-ms=5] [--port=N]
import { chromium } from "@playwright/test";
import {
  CHROMIUM_FLAGS,
  chromiumPath,
  machineNote,
  parseArgs,
  percentile,
  requireBuild,
  startServer,
} from "./bench-support.mjs";
import { composeEdit, generate, openPlayground, RESULT_ALT_PATTERN } from "./bench-ui.mjs";

const options = parseArgs();
const RUNS = Number(options.runs ?? 20);
const STEP_MS = String(options["step-ms"] ?? 5);
const RUN_TIMEOUT_MS = 30_000;
const ENDPOINT = "fal-ai/flux-kontext-lora";
requireBuild();

/** Runs in the page before the app: notes when each result image is loaded and painted. */
function watchResultPaints(altPattern) {
  const pattern = new RegExp(altPattern);
  const paints = [];
  window.__resultPaints = paints;
  const epoch = (t) => performance.timeOrigin + t;
  const isResult = (node) => node instanceof HTMLImageElement && pattern.test(node.alt);
  // When each result image got its src (seen by the observer below) and finished loading.
  const moments = new WeakMap();
  const mark = (img) => {
    if (!img.hasAttribute("elementtiming")) img.setAttribute("elementtiming", "result");
    if (img.getAttribute("src") && !moments.has(img)) {
      moments.set(img, { src: epoch(performance.now()), loaded: null });
    }
  };
  document.addEventListener(
    "load",
    (event) => {
      const moment = moments.get(event.target);
      if (moment && moment.loaded === null) moment.loaded = epoch(performance.now());
    },
    true,
  );
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "attributes" && isResult(record.target)) mark(record.target);
      for (const node of record.addedNodes) {
        if (isResult(node)) mark(node);
        if (!(node instanceof Element)) continue;
        for (const img of node.querySelectorAll("img")) if (isResult(img)) mark(img);
      }
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["alt", "src"],
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const img = entry.element;
      if (!img || !isResult(img)) continue;
      // The image's own request (Resource Timing): when it was sent and answered, and its size.
      const resource = performance
        .getEntriesByName(img.currentSrc || img.src, "resource")
        .findLast((timing) => timing.initiatorType === "img" || timing.initiatorType === "other");
      paints.push({
        alt: img.alt,
        painted: epoch(entry.renderTime || entry.loadTime),
        how: entry.renderTime ? "element timing" : "load time",
        src: moments.get(img)?.src ?? null,
        loaded: epoch(entry.loadTime),
        requested: resource ? epoch(resource.requestStart || resource.startTime) : null,
        firstByte: resource?.responseStart ? epoch(resource.responseStart) : null,
        lastByte: resource?.responseEnd ? epoch(resource.responseEnd) : null,
        bytes: resource?.encodedBodySize || null,
      });
    }
  }).observe({ type: "element", buffered: true });
  // A fallback for browsers without Element Timing: the frame after the image loaded.
  document.addEventListener(
    "load",
    (event) => {
      const img = event.target;
      if (!isResult(img) || "PerformanceElementTiming" in window) return;
      requestAnimationFrame(() =>
        setTimeout(() =>
          paints.push({ alt: img.alt, painted: epoch(performance.now()), how: "next frame" }),
        ),
      );
    },
    true,
  );
}

/** The highest run number among the result images in the page now (0 when none). */
function lastRunNumber(page) {
  return page.evaluate((source) => {
    const pattern = new RegExp(source);
    const numbers = [...document.images].map((img) => Number(pattern.exec(img.alt)?.[1] ?? 0));
    return Math.max(0, ...numbers);
  }, RESULT_ALT_PATTERN);
}

/** The engine's completion time (ms since the epoch): its last log line for the request. */
async function engineCompletedAt(origin, requestId) {
  const url = `${origin}/api/engine/queue/${ENDPOINT}/requests/${requestId}/status?logs=1`;
  const status = await (await fetch(url)).json();
  if (status.status !== "COMPLETED") throw new Error(`request ${requestId} is ${status.status}`);
  const last = status.logs?.at(-1);
  if (!last?.timestamp) throw new Error(`request ${requestId} has no timestamped log lines`);
  return Date.parse(last.timestamp);
}

const isProxyCall = (request, test) =>
  request.url().includes("/api/fal/proxy") && test(request.headers()["x-fal-target-url"] ?? "");

/** One run: Generate, then the three moments (see the top of the file). */
async function measureRun(page, origin) {
  const previousRun = await lastRunNumber(page);
  const paintsBefore = await page.evaluate(() => window.__resultPaints.length);
  const submitted = page.waitForResponse(
    (response) =>
      response.request().method() === "POST" &&
      isProxyCall(response.request(), (target) => target.endsWith(`/${ENDPOINT}`)),
  );
  await generate(page);
  const { request_id: requestId } = await (await submitted).json();
  const fetched = page.waitForResponse(
    (response) =>
      response.request().method() === "GET" &&
      isProxyCall(response.request(), (target) => target.endsWith(`/requests/${requestId}`)),
    { timeout: RUN_TIMEOUT_MS },
  );
  // The first paint of an image of a newer run than any shown before (older runs' images are
  // painted again when the virtualised gallery mounts them anew: those are skipped).
  const handle = await page.waitForFunction(
    ({ source, from, after }) => {
      const pattern = new RegExp(source);
      const paints = window.__resultPaints.slice(from);
      return paints.find((paint) => Number(pattern.exec(paint.alt)?.[1]) > after) ?? null;
    },
    { source: RESULT_ALT_PATTERN, from: paintsBefore, after: previousRun },
    { timeout: RUN_TIMEOUT_MS },
  );
  const paint = await handle.jsonValue();
  const resultResponse = await fetched;
  const timing = resultResponse.request().timing();
  const completed = await engineCompletedAt(origin, requestId);
  const fetchedAt = timing.startTime + timing.responseEnd;
  return {
    toFetched: fetchedAt - completed,
    toPainted: paint.painted - completed,
    how: paint.how,
    // Where the time after the result arrived goes (null when not seen).
    fetchedToSrc: paint.src === null ? null : paint.src - fetchedAt,
    srcToLoaded: paint.src === null ? null : paint.loaded - paint.src,
    loadedToPainted: paint.painted - paint.loaded,
    // The image's request, from Resource Timing (null when the browser gave no entry).
    srcToFirstByte:
      paint.src === null || paint.firstByte === null ? null : paint.firstByte - paint.src,
    firstByteToLastByte:
      paint.firstByte === null || paint.lastByte === null ? null : paint.lastByte - paint.firstByte,
    lastByteToLoaded: paint.lastByte === null ? null : paint.loaded - paint.lastByte,
    imageBytes: paint.bytes,
  };
}

/** N runs on a fresh page; `blockStream` aborts the SSE status stream so polling takes over. */
async function measurePath(browser, origin, { blockStream }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const counts = { stream: 0, polls: 0 };
  await context.route("**/api/fal/proxy**", (route) => {
    const target = route.request().headers()["x-fal-target-url"] ?? "";
    if (target.includes("/status/stream")) {
      counts.stream += 1;
      return blockStream ? route.abort("failed") : route.fallback();
    }
    if (/\/status(\?|$)/.test(target)) counts.polls += 1;
    return route.fallback();
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchResultPaints, RESULT_ALT_PATTERN);
    await openPlayground(page, origin);
    await composeEdit(page, { prompt: "Make it snow." });
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await measureRun(page, origin));
      // Scroll back to the top: the newest result must be in view to be painted.
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    return { runs, counts };
  } finally {
    await context.close();
  }
}

function summary(label, values) {
  const ms = (v) => `${Math.round(v)} ms`;
  return `  ${label.padEnd(34)} p50 ${ms(percentile(values, 50)).padStart(7)}   p95 ${ms(percentile(values, 95)).padStart(7)}   min ${ms(Math.min(...values)).padStart(6)}   max ${ms(Math.max(...values)).padStart(6)}`;
}

const server = await startServer({ port: options.port, env: { LOCAL_ENGINE_STEP_MS: STEP_MS } });
let browser;
try {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  const sse = await measurePath(browser, server.origin, { blockStream: false });
  const polling = await measurePath(browser, server.origin, { blockStream: true });
  console.log(
    `\nResult latency — ${RUNS} runs per path, engine steps ${STEP_MS} ms, Chromium ${browser.version()} (headless), ${machineNote()}`,
  );
  for (const [title, result] of [
    ["SSE status stream", sse],
    ["polling fallback (stream blocked)", polling],
  ]) {
    const hows = [...new Set(result.runs.map((r) => r.how))].join(", ");
    console.log(
      `\n${title}: ${result.counts.stream} stream requests${title.startsWith("polling") ? " (aborted)" : ""}, ${result.counts.polls} status polls; painted from ${hows}`,
    );
    console.log(
      summary(
        "engine completed → painted",
        result.runs.map((r) => r.toPainted),
      ),
    );
    console.log(
      summary(
        "engine completed → result fetched",
        result.runs.map((r) => r.toFetched),
      ),
    );
    for (const [label, key] of [
      ["  result fetched → image src set", "fetchedToSrc"],
      ["  image src set → image loaded", "srcToLoaded"],
      ["    src set → first byte", "srcToFirstByte"],
      ["    first byte → last byte", "firstByteToLastByte"],
      ["    last byte → load event", "lastByteToLoaded"],
      ["  image loaded → painted", "loadedToPainted"],
    ]) {
      const values = result.runs.map((r) => r[key]).filter((v) => v !== null);
      if (values.length > 0) console.log(summary(label, values));
    }
    const sizes = result.runs.map((r) => r.imageBytes).filter((v) => v !== null);
    if (sizes.length > 0) {
      console.log(`  result image: ${Math.round(percentile(sizes, 50) / 1024)} KB (median)`);
    }
  }
} finally {
  await browser?.close();
  await server.stop();
}
