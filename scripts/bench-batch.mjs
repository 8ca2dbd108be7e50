#!/usr/bin/env node
// A batch of many images through the real batch dialog, on the local engine. Expects a build
// (`npm run build`): serves it on loopback (fast engine steps, temporary data directory), opens
// the playground in Chromium and, for each concurrency (1, 2 and 4 images at once), in a fresh
// browser context (empty IndexedDB):
//
//   1. writes a prompt, sets 10 steps, opens "Batch edit…" and adds N distinct PNGs;
//   2. starts the batch and waits until every image is done.
//
// It prints, per concurrency: the time to queue (files chosen → listed with their cost in the
// dialog; Start → the batch on the stage), the throughput (images per minute, Start → all done),
// the peak JS heap and DOM size while the batch runs (CDP Performance metrics, sampled every
// 250 ms), the frame times while it runs (requestAnimationFrame deltas p50/p95, long tasks) and
// the IndexedDB bytes the site uses at the end (navigator.storage.estimate()). No pass/fail.
//
//   npm run bench:batch -- [--images=200] [--slow-images=50] [--concurrency=1,2,4]
//                          [--step-ms=5] [--port=N]
//
// --slow-images is the count used at concurrency 1 (the slowest setting), so a full run stays
// within minutes; the output says which count each setting used.
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
import { openPlayground, photo } from "./bench-ui.mjs";

const options = parseArgs();
const IMAGES = Number(options.images ?? 200);
const SLOW_IMAGES = Number(options["slow-images"] ?? 50);
const CONCURRENCIES = String(options.concurrency ?? "1,2,4")
  .split(",")
  .map(Number);
const STEP_MS = String(options["step-ms"] ?? 5);
const SAMPLE_MS = 250;
requireBuild();

/** `count` distinct PNGs (their widths differ, so their bytes do; the batch drops duplicates). */
async function photos(count) {
  return Promise.all(
    Array.from({ length: count }, async (_, index) => ({
      name: `item-${String(index + 1).padStart(3, "0")}.png`,
      mimeType: "image/png",
      buffer: await photo(256 + (index % 200), 192 + Math.floor(index / 200)),
    })),
  );
}

/** Runs in the page: records rAF deltas and long tasks from `window.__frames.start()` on. */
function watchFrames() {
  const state = { deltas: [], longTasks: [], isOn: false, last: 0 };
  window.__frames = {
    start() {
      state.deltas = [];
      state.longTasks = [];
      state.isOn = true;
      state.last = performance.now();
    },
    stop() {
      state.isOn = false;
      return { deltas: state.deltas, longTasks: state.longTasks };
    },
  };
  const frame = (now) => {
    if (state.isOn) {
      state.deltas.push(now - state.last);
      state.last = now;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  try {
    new PerformanceObserver((list) => {
      if (!state.isOn) return;
      for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: false });
  } catch {
    // No Long Tasks API: none are reported.
  }
}

/** Samples JS heap and DOM node count through CDP until `stop()`; returns the peaks. */
async function sampleMetrics(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  let peakHeap = 0;
  let peakNodes = 0;
  let isOn = true;
  const loop = (async () => {
    while (isOn) {
      const { metrics } = await cdp.send("Performance.getMetrics");
      const value = (name) => metrics.find((metric) => metric.name === name)?.value ?? 0;
      peakHeap = Math.max(peakHeap, value("JSHeapUsedSize"));
      peakNodes = Math.max(peakNodes, value("Nodes"));
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  return async () => {
    isOn = false;
    await loop;
    await cdp.detach();
    return { peakHeap, peakNodes };
  };
}

/** One batch of `count` images at `concurrency`, in a fresh context. */
async function measure(browser, origin, concurrency, count) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchFrames);
    await openPlayground(page, origin);
    await page.getByLabel("Edit instruction").fill("Make it snow.");
    await page
      .locator("details")
      .filter({ has: page.locator(":scope > summary", { hasText: "Advanced settings" }) })
      .first()
      .evaluate((details) => {
        details.open = true;
      });
    await page.getByLabel("Steps", { exact: true }).fill("10");

    await page.getByRole("button", { name: "Batch edit…" }).click();
    const dialog = page.getByRole("dialog", { name: "Batch edit" });
    await dialog.waitFor();
    const files = await photos(count);
    const chosenAt = Date.now();
    await dialog.getByLabel("Add images").setInputFiles(files);
    await dialog
      .getByRole("heading", { name: `${count} images in this batch` })
      .waitFor({ timeout: 300_000 });
    await dialog.getByTestId("batch-total").getByText(`for ${count} images`).waitFor();
    const listedMs = Date.now() - chosenAt;

    await dialog.getByLabel("Images at once").fill(String(concurrency));
    await dialog.getByLabel("Ask before spending over (USD)").fill("100000");
    const stopMetrics = await sampleMetrics(page);
    await page.evaluate(() => window.__frames.start());
    const startedAt = Date.now();
    await dialog.getByRole("button", { name: "Start batch" }).click();
    const counts = page.getByRole("region", { name: "Stage" }).getByTestId("batch-counts");
    await counts.waitFor({ timeout: 300_000 });
    const onStageMs = Date.now() - startedAt;
    await page.waitForFunction(
      (total) =>
        document.querySelector('[data-testid="batch-counts"]')?.textContent === `${total} done`,
      count,
      { timeout: 60 * 60_000, polling: 500 },
    );
    const doneMs = Date.now() - startedAt;
    const frames = await page.evaluate(() => window.__frames.stop());
    const { peakHeap, peakNodes } = await stopMetrics();
    const storage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
    return {
      concurrency,
      count,
      listedMs,
      onStageMs,
      doneMs,
      frames,
      peakHeap,
      peakNodes,
      storage,
    };
  } finally {
    await context.close();
  }
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const ms = (value) => `${Math.round(value)} ms`;

const server = await startServer({
  port: options.port,
  env: { LOCAL_ENGINE_STEP_MS: STEP_MS },
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
try {
  console.log(
    `Batch benchmark: local engine (${STEP_MS} ms per step, 10 steps), ${machineNote()}\n`,
  );
  for (const concurrency of CONCURRENCIES) {
    const count = concurrency === 1 ? Math.min(SLOW_IMAGES, IMAGES) : IMAGES;
    const result = await measure(browser, server.origin, concurrency, count);
    const { deltas, longTasks } = result.frames;
    console.log(`${concurrency} at once, ${count} images`);
    console.log(
      `  time to queue     files → listed with cost ${ms(result.listedMs)}; Start → on stage ${ms(result.onStageMs)}`,
    );
    console.log(
      `  throughput        ${((count / result.doneMs) * 60_000).toFixed(1)} images/min (${(result.doneMs / 1000).toFixed(1)} s for ${count})`,
    );
    console.log(`  peak JS heap      ${mb(result.peakHeap)}; peak DOM ${result.peakNodes} nodes`);
    console.log(
      `  frames            rAF p50 ${ms(percentile(deltas, 50))}, p95 ${ms(percentile(deltas, 95))} over ${deltas.length} frames; ${longTasks.length} long tasks (${ms(longTasks.reduce((sum, d) => sum + d, 0))} in all, longest ${ms(Math.max(0, ...longTasks))})`,
    );
    console.log(`  IndexedDB/storage ${mb(result.storage ?? 0)} used at the end\n`);
  }
} finally {
  await browser.close();
  await server.stop();
}
