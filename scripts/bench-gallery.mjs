#!/usr/bin/env node
// Benchmarks the gallery with a large history (1,000 completed runs unless --runs=N). Expects an
// existing build (`npm run build`): starts it on a free port with the local engine and a
// temporary data directory, opens it in Chromium, writes the runs straight into the browser's
// history database as the app stores them (built by tests/fixtures/history.ts with the app's
// own record functions), reloads, prints figures, and last times IndexedDB reading every run on
// a page with no app code (the machine's floor). No pass/fail: it is a measurement.
//
//   npm run bench:gallery -- [--runs=1000] [--viewport=1280x800] [--step=400] [--cpuprof=FILE]
//
// --step is how far the history column scrolls per animation frame while the whole list is scrolled
// through (400 px/frame is a brisk fling: 24,000 px/s at 60 fps). --cpuprof writes a V8 CPU profile
// (open it in Chrome DevTools' Performance panel) of the page from the reload until every run is
// loaded.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import sharp from "sharp";
import { runnerImport } from "vite";
import {
  CHROMIUM_FLAGS,
  chromiumPath,
  median,
  percentile,
  requireBuild,
  startServer,
} from "./bench-support.mjs";

const options = Object.fromEntries(
  process.argv
    .slice(2)
    .map((arg) => arg.match(/^--([a-z]+)=(.+)$/))
    .filter(Boolean)
    .map((match) => [match[1], match[2]]),
);
const RUN_COUNT = Number(options.runs ?? 1000);
const [WIDTH, HEIGHT] = (options.viewport ?? "1280x800").split("x").map(Number);
const SCROLL_STEP = Number(options.step ?? 400);
/** Where to write a V8 CPU profile of the page from the reload until every run is loaded. */
const CPU_PROFILE = options.cpuprof ?? null;
const SEARCH_WORD = "castle";

// Where the app keeps its runs: lib/history/db.ts (idb-keyval store `runs` in the database
// `kontext-playground-runs`, keyed by run id). The records themselves come from tests/fixtures.
const RUNS_DB = "kontext-playground-runs";
const RUNS_STORE = "runs";
// …and each run's createdAt by id, the index the history reads its newest runs through first.
const RUN_TIMES_DB = "kontext-playground-run-times";
const RUN_TIMES_STORE = "run-times";

const format = (n) => Math.round(n).toLocaleString("en-US");
const countText = `${format(RUN_COUNT)} ${RUN_COUNT === 1 ? "run" : "runs"}`;

requireBuild();

/** A few small PNG results (different shapes, so cards differ in height) as data URIs. */
async function sampleImages() {
  const shapes = [
    [768, 512, "#d97706"],
    [512, 768, "#2563eb"],
    [640, 640, "#059669"],
    [1024, 576, "#7c3aed"],
  ];
  return Promise.all(
    shapes.map(async ([width, height, colour]) => {
      const band = Buffer.from(
        `<svg width="${width}" height="${height}"><rect y="${height - 40}" width="${width}" height="40" fill="#111"/></svg>`,
      );
      const png = await sharp({ create: { width, height, channels: 3, background: colour } })
        .composite([{ input: band }])
        .png()
        .toBuffer();
      return { url: `data:image/png;base64,${png.toString("base64")}`, width, height };
    }),
  );
}

/** `RUN_COUNT` completed runs as the app stores them, oldest first. */
async function seededRecords() {
  const images = await sampleImages();
  const thumbnail = await sharp({
    create: { width: 96, height: 72, channels: 3, background: "#94a3b8" },
  })
    .jpeg()
    .toBuffer();
  const thumbnailUrl = `data:image/jpeg;base64,${thumbnail.toString("base64")}`;
  const edits = [
    "Make it snow on",
    "Turn into a watercolour",
    "Add neon lights to",
    "Make it night in",
    "Paint in the Ghibli style",
    "Make it autumn in",
    "Turn into a plushie",
    "Add fog over",
  ];
  const subjects = [
    "a castle",
    "the harbour",
    "a cat on a sofa",
    "the forest",
    "a city street",
    "the mountains",
    "a portrait",
    "the kitchen",
  ];
  const hf = "https://huggingface.co";
  const ghibli = `${hf}/Owen777/Kontext-Style-Loras/resolve/main/Ghibli_lora_weights.safetensors`;
  const plushie = `${hf}/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie-kontext-dev-lora.safetensors`;
  const custom = "https://example.com/loras/my-own-style.safetensors";
  const loraSets = [
    [],
    [{ path: ghibli, scale: 1 }],
    [
      { path: plushie, scale: 0.8 },
      { path: ghibli, scale: 0.5 },
    ],
    [{ path: custom, scale: 1.2 }],
  ];
  const { completedRuns, storedRunRecords } = await loadFixtures();
  const runs = completedRuns(RUN_COUNT, {
    image: images[0],
    prefix: "bench",
    digits: 5,
    startedAt: Date.now() - RUN_COUNT * 60_000,
    durationMs: 4_000,
    inference: 3.2,
    prompt: (i) =>
      `${edits[i % edits.length]} ${subjects[Math.floor(i / edits.length) % subjects.length]}${i % 5 === 0 ? ", keep everything else the same" : ""}`,
    patch: (i, run) => {
      const image = images[i % images.length];
      return {
        request: { ...run.request, loras: loraSets[i % loraSets.length] },
        output: {
          ...run.output,
          images: [{ ...image, content_type: "image/png" }],
        },
        predictedSize: { width: image.width, height: image.height },
        inputThumbnail: thumbnailUrl,
        parentId: i % 10 === 9 ? `bench-${String(i).padStart(5, "0")}` : null,
        isFavourite: i % 7 === 0,
        // Numbered, as every run the app saves today is (unnumbered ones are renumbered once).
        serial: i + 1,
      };
    },
  });
  return storedRunRecords(runs, (run) => run.finishedAt);
}

/**
 * The shared fixture builders (tests/fixtures/history.ts, TypeScript), loaded through Vite's
 * module runner, so the benchmark stores runs with the app's own record functions.
 */
async function loadFixtures() {
  const root = fileURLToPath(new URL("../", import.meta.url));
  const { module } = await runnerImport(path.join(root, "tests/fixtures/history.ts"), {
    configFile: false,
    root,
    logLevel: "silent",
    resolve: { alias: { "@": root } },
  });
  return module;
}

/** The history column's own scroll box (components/playground/runs/results-panel.tsx). */
const HISTORY_SCROLL = '[data-testid="history-scroll"]';

/**
 * Runs in the page before the app: notes when the first card is rendered in the history column
 * and when it is in view (on phones the history sits in the hidden Result tab: never, without
 * switching tabs), and when every run is counted (or, on a build without the gallery's count,
 * when every run's card is rendered).
 */
function watchLoading({ expectedCount, expectedCards, scrollBox }) {
  const marks = { firstCard: null, firstCardVisible: null, allLoaded: null };
  window.__galleryBench = marks;
  const check = () => {
    const card = document.querySelector(`${scrollBox} article`);
    if (card && marks.firstCard === null) marks.firstCard = performance.now();
    if (card && marks.firstCardVisible === null) {
      const rect = card.getBoundingClientRect();
      if (rect.height > 0 && rect.top < window.innerHeight) {
        marks.firstCardVisible = performance.now();
      }
    }
    const count = document.getElementById("gallery-count");
    const isLoaded = count
      ? count.textContent === expectedCount
      : document.querySelectorAll(`${scrollBox} article`).length >= expectedCards;
    if (marks.allLoaded === null && isLoaded) {
      marks.allLoaded = performance.now();
    }
    const isDone = marks.allLoaded !== null && marks.firstCardVisible !== null;
    if (!isDone && performance.now() < 180_000) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Scrolls through the history column (its own scroll box, where the virtualiser listens) `step`
 * px per frame, timing every frame. Runs in the page.
 */
async function scrollThrough({ step, scrollBox }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const box = document.querySelector(scrollBox);
  box.scrollTop = 0;
  await frame();
  await frame();
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    longTasks += list.getEntries().length;
  });
  observer.observe({ type: "longtask" });
  const intervals = [];
  let maxCards = 0;
  let last = await frame();
  const started = last;
  for (let i = 0; i < 100_000; i++) {
    const bottom = box.scrollHeight - box.clientHeight;
    if (box.scrollTop >= bottom - 1) break;
    box.scrollBy(0, step);
    const now = await frame();
    intervals.push(now - last);
    last = now;
    maxCards = Math.max(maxCards, box.querySelectorAll("article").length);
  }
  observer.disconnect();
  const headings = [...box.querySelectorAll("article h3")].map((h) => h.textContent ?? "");
  return {
    intervals,
    seconds: (last - started) / 1000,
    maxCards,
    longTasks,
    reachedRunOne: headings.some((text) => /^Run 1\b/.test(text)),
    scrollHeight: box.scrollHeight,
  };
}

/**
 * Reads every stored run with IndexedDB's `getAll`, on a page of the app's origin that runs no app
 * code; ms to open the database and to read. The machine's floor for anything that needs every
 * run: it makes figures from different machines comparable. Runs in the page.
 */
async function readAllRuns({ dbName, storeName }) {
  const started = performance.now();
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const opened = performance.now();
  const count = await new Promise((resolve, reject) => {
    const request = db.transaction(storeName).objectStore(storeName).getAll();
    request.onsuccess = () => resolve(request.result.length);
    request.onerror = () => reject(request.error);
  });
  const read = performance.now();
  db.close();
  return { open: opened - started, read: read - opened, count };
}

/** Puts `text` in the search box as one input event; ms until the count changed and the next frame. */
async function searchFor(text) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const input = document.getElementById("gallery-search");
  const count = document.getElementById("gallery-count");
  const before = count.textContent;
  const changed = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (count.textContent !== before) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(count, { childList: true, characterData: true, subtree: true });
  });
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  const started = performance.now();
  setValue.call(input, text);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  const countChanged = await changed;
  await frame();
  // performance.now(), not the frame's timestamp: that is when the frame began, which can be
  // before the count changed.
  const painted = performance.now();
  return { toCount: countChanged - started, toFrame: painted - started, text: count.textContent };
}

/** Notes, per key typed, the time from keydown to the next animation frame after its input. */
function watchKeystrokes() {
  const latencies = [];
  let keyAt = null;
  window.__keystrokes = latencies;
  window.addEventListener("keydown", (event) => {
    keyAt = event.timeStamp;
  });
  window.addEventListener("input", () => {
    const at = keyAt;
    if (at === null) return;
    keyAt = null;
    requestAnimationFrame(() => latencies.push(performance.now() - at));
  });
}

function printTable(title, rows) {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}\n${"─".repeat(Math.min(100, title.length))}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}   ${value}`);
}

const server = await startServer();
const { origin } = server;

let browser;
try {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT } });
  const page = await context.newPage();
  await page.goto(origin);
  await page.getByRole("button", { name: "Generate" }).waitFor();

  const records = await seededRecords();
  const putAll = async ({ dbName, storeName, records }) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise((resolve, reject) => {
      const transaction = db.transaction(storeName, "readwrite");
      for (const { key, value } of records) transaction.objectStore(storeName).put(value, key);
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
  };
  await page.evaluate(putAll, { dbName: RUNS_DB, storeName: RUNS_STORE, records });
  const times = records.map(({ key, value }) => ({ key, value: value.data.createdAt }));
  await page.evaluate(putAll, { dbName: RUN_TIMES_DB, storeName: RUN_TIMES_STORE, records: times });

  await page.addInitScript(watchLoading, {
    expectedCount: countText,
    expectedCards: RUN_COUNT,
    scrollBox: HISTORY_SCROLL,
  });
  await page.addInitScript(watchKeystrokes);
  const profiler = CPU_PROFILE ? await context.newCDPSession(page) : null;
  if (profiler) {
    await profiler.send("Profiler.enable");
    await profiler.send("Profiler.start");
  }
  await page.reload();
  try {
    await page.waitForFunction(() => window.__galleryBench?.allLoaded != null, null, {
      timeout: 180_000,
    });
  } catch {
    const shown = await page
      .locator("#gallery-count")
      .textContent()
      .catch(() => null);
    throw new Error(
      `the gallery never showed "${countText}" (it shows "${shown}"): did the stored run format change? See lib/history/records.ts`,
    );
  }
  await page.evaluate(nextFrame);
  if (profiler) {
    const { profile } = await profiler.send("Profiler.stop");
    writeFileSync(CPU_PROFILE, JSON.stringify(profile));
    await profiler.detach();
  }
  const loading = await page.evaluate(() => window.__galleryBench);
  const countDom = (scrollBox) => ({
    elements: document.getElementsByTagName("*").length,
    cards: document.querySelectorAll(`${scrollBox} article`).length,
  });
  const dom = await page.evaluate(countDom, HISTORY_SCROLL);
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");

  // On a phone the history is the Result tab's: show it before scrolling it.
  const resultTab = page.getByRole("tab", { name: /^Result/ });
  if (await resultTab.isVisible()) await resultTab.click();
  const scroll = await page.evaluate(scrollThrough, {
    step: SCROLL_STEP,
    scrollBox: HISTORY_SCROLL,
  });
  const domAfterScroll = await page.evaluate(countDom, HISTORY_SCROLL);

  await page.evaluate((scrollBox) => {
    const box = document.querySelector(scrollBox);
    if (box) box.scrollTop = 0;
  }, HISTORY_SCROLL);
  await page.evaluate(nextFrame);
  const hasSearch = (await page.locator("#gallery-search").count()) > 0;
  const search = hasSearch ? await page.evaluate(searchFor, SEARCH_WORD) : null;
  const clear = hasSearch ? await page.evaluate(searchFor, "") : null;
  if (hasSearch) {
    await page.getByRole("searchbox", { name: "Search prompts" }).click();
    await page.keyboard.type(SEARCH_WORD, { delay: 50 });
    await page.waitForTimeout(200);
  }
  const keystrokes = await page.evaluate(() => window.__keystrokes);
  const bytes = records.reduce((sum, { value }) => sum + JSON.stringify(value).length, 0);
  // The read floor, on the health route's JSON (same origin, no app code), fresh page each time;
  // last, so that it cannot delay the app's own reads.
  const rawReads = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(`${origin}/api/health`);
    rawReads.push(await page.evaluate(readAllRuns, { dbName: RUNS_DB, storeName: RUNS_STORE }));
  }
  if (rawReads.some((read) => read.count !== RUN_COUNT)) {
    throw new Error(
      `IndexedDB returned ${rawReads.map((read) => read.count)} runs, not ${RUN_COUNT}`,
    );
  }
  const browserVersion = browser.version();

  const ms = (value) => `${value.toFixed(1)} ms`;
  const searchFigures = (result) =>
    result
      ? `count changed after ${ms(result.toCount)}, next frame ${ms(result.toFrame)} → "${result.text}"`
      : "no search box";
  const fps = scroll.intervals.length / scroll.seconds;
  printTable(
    `Gallery benchmark — ${format(RUN_COUNT)} completed runs, ${WIDTH}×${HEIGHT}, Chromium ${browserVersion} (headless), load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`,
    [
      [
        `IndexedDB getAll of every run, no app code (${(bytes / 1e6).toFixed(1)} MB)`,
        `median ${format(median(rawReads.map((r) => r.read)))} ms (${rawReads.map((r) => format(r.read)).join(", ")})`,
      ],
      ["first run card rendered", `${format(loading.firstCard)} ms after navigation`],
      [
        "first run card in the viewport",
        loading.firstCardVisible === null
          ? "not without switching to the Result tab"
          : `${format(loading.firstCardVisible)} ms after navigation`,
      ],
      [
        `all runs loaded (count reads "${countText}")`,
        `${format(loading.allLoaded)} ms after navigation`,
      ],
      ["DOM elements (whole page)", format(dom.elements)],
      ["run cards rendered", `${dom.cards} of ${format(RUN_COUNT)}`],
      ["JS heap used (after GC)", `${(heap.usedSize / 1024 / 1024).toFixed(1)} MB`],
      [
        `scroll through the list (${SCROLL_STEP} px/frame, ${format(scroll.scrollHeight)} px)`,
        `${format(scroll.intervals.length)} frames in ${scroll.seconds.toFixed(1)} s (${fps.toFixed(0)} fps)${scroll.reachedRunOne ? ", reached run 1" : ", DID NOT reach run 1"}`,
      ],
      [
        "  frame interval p50 / p95 / max",
        `${ms(percentile(scroll.intervals, 50))} / ${ms(percentile(scroll.intervals, 95))} / ${ms(Math.max(...scroll.intervals))}`,
      ],
      [
        "  frames over 33 ms / long tasks",
        `${scroll.intervals.filter((v) => v > 33.4).length} / ${scroll.longTasks}`,
      ],
      [
        "  most cards rendered at once",
        `${scroll.maxCards} (DOM elements after: ${format(domAfterScroll.elements)})`,
      ],
      [`search "${SEARCH_WORD}" (one input event)`, searchFigures(search)],
      ["clear the search", searchFigures(clear)],
      [
        `type "${SEARCH_WORD}" key by key: key → next frame`,
        keystrokes.length > 0
          ? `p50 ${ms(percentile(keystrokes, 50))}, max ${ms(Math.max(...keystrokes))} (${keystrokes.length} keys)`
          : "not measured",
      ],
    ],
  );
} finally {
  await browser?.close();
  await server.stop();
}
