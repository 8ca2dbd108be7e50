#!/usr/bin/env node
// Load benchmark (loopback only, bounded): needs `npm run build` first.
//  1. The local engine through the proxy: its throughput idle, then 100 clients polling their
//     own queued requests every 100 ms for 30 s while the engine keeps completing runs —
//     errors, p50/p99 poll latency, throughput under load vs idle, server RSS before/after.
//  2. The anonymous flood: 20 connections submitting as fast as they can for 10 s to an app on
//     the fal backend with KONTEXT_RATE_LIMIT set, in front of a recording stand-in for fal —
//     how many submits reached the upstream.
//  3. Memory: 40 submits of a ~3.9 MB data-URI image through the proxy to the local engine —
//     the server's RSS before, when they have finished, and after 15 s idle (GC settle).
// Options: --pollers=100 --seconds=30 --flood-seconds=10 --connections=20 --quota=10/minute
//          --big-submits=40 --parts=engine,flood,memory --cpu-prof=DIR (profiles the app)
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const option = (name, fallback) => {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
};
const POLLERS = Number(option("pollers", "100"));
const SECONDS = Number(option("seconds", "30"));
const FLOOD_SECONDS = Number(option("flood-seconds", "10"));
const CONNECTIONS = Number(option("connections", "20"));
const QUOTA = option("quota", "10/minute");
const BIG_SUBMITS = Number(option("big-submits", "40"));
const PARTS = option("parts", "engine,flood,memory").split(",");
const CPU_PROF = option("cpu-prof", "");
const ENDPOINT = "fal-ai/flux-kontext-lora";
const QUEUE = `https://queue.fal.run/${ENDPOINT}`;
// A 1×1 PNG: runs cost the engine steps and a small render, not image decoding.
const PIXEL =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

if (!existsSync(".next/BUILD_ID")) {
  console.error("No build found: run `npm run build` first.");
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createNetServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function startApp(env) {
  const port = await freePort();
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(FAL_|KONTEXT_|LOCAL_ENGINE_|REDIS_URL$)/.test(name),
    ),
  );
  const child = spawn(
    process.execPath,
    [
      ...(CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(CPU_PROF)}`] : []),
      path.resolve("node_modules/next/dist/bin/next"),
      "start",
      "-H",
      "127.0.0.1",
      "-p",
      String(port),
    ],
    {
      env: {
        ...clean,
        NEXT_TELEMETRY_DISABLED: "1",
        LOCAL_ENGINE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "kontext-bench-")),
        ...env,
        PORT: String(port),
      },
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (tries > 300) throw new Error("the app did not start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, child, stop: () => child.kill("SIGTERM") };
}

const rssMb = (pid) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
  return line ? Math.round(Number(line[1]) / 1024) : Number.NaN;
};

const proxy = (app, target, init = {}) =>
  fetch(`${app.url}/api/fal/proxy`, {
    method: init.method ?? "GET",
    headers: { "x-fal-target-url": target, "content-type": "application/json", ...init.headers },
    body: init.body,
  });

const submitRun = async (app) => {
  const body = JSON.stringify({ image_url: PIXEL, prompt: "bench", num_inference_steps: 10 });
  const response = await proxy(app, QUEUE, { method: "POST", body });
  if (!response.ok) throw new Error(`submit answered ${response.status}`);
  return (await response.json()).request_id;
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

async function engineBench() {
  const app = await startApp({ KONTEXT_BACKEND: "local", LOCAL_ENGINE_STEP_MS: "10" });
  try {
    // Idle: the queue kept full by a single client, no pollers; one status check per second.
    const idleIds = [];
    for (let i = 0; i < 400; i++) idleIds.push(await submitRun(app));
    const idleStart = performance.now();
    await sleep(10_000);
    let idleDone = 0;
    for (const id of idleIds) {
      const status = await (await proxy(app, `${QUEUE}/requests/${id}/status`)).json();
      if (status.status === "COMPLETED") idleDone++;
      else break;
    }
    const idleRate = idleDone / ((performance.now() - idleStart) / 1000);
    for (const id of idleIds.slice(idleDone)) {
      await proxy(app, `${QUEUE}/requests/${id}/cancel`, { method: "PUT" });
    }
    await sleep(500);

    const rssBefore = rssMb(app.child.pid);
    const latencies = [];
    let errors = 0;
    let completed = 0;
    const deadline = performance.now() + SECONDS * 1000;
    const poller = async () => {
      let id = await submitRun(app);
      while (performance.now() < deadline) {
        const started = performance.now();
        try {
          const response = await proxy(app, `${QUEUE}/requests/${id}/status`);
          const status = await response.json();
          latencies.push(performance.now() - started);
          if (!response.ok) errors++;
          else if (status.status === "COMPLETED") {
            completed++;
            id = await submitRun(app);
          }
        } catch {
          errors++;
        }
        await sleep(Math.max(0, 100 - (performance.now() - started)));
      }
    };
    const loadStart = performance.now();
    await Promise.all(Array.from({ length: POLLERS }, poller));
    const loadRate = completed / ((performance.now() - loadStart) / 1000);
    const rssAfter = rssMb(app.child.pid);
    console.log(`\nEngine through the proxy (LOCAL_ENGINE_STEP_MS=10, 10-step runs, 1×1 input):`);
    console.log(
      `  idle throughput:                 ${idleRate.toFixed(2)} runs/s (${idleDone} runs in 10 s)`,
    );
    console.log(
      `  ${POLLERS} pollers × ${SECONDS} s, every 100 ms: ${latencies.length} polls, ${errors} errors`,
    );
    console.log(
      `  poll latency p50 / p99 / max:    ${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)} / ${Math.max(...latencies).toFixed(1)} ms`,
    );
    console.log(
      `  throughput under load:           ${loadRate.toFixed(2)} runs/s (${completed} runs; ${((loadRate / idleRate) * 100).toFixed(0)} % of idle)`,
    );
    console.log(`  server RSS before / after:       ${rssBefore} / ${rssAfter} MB`);
  } finally {
    app.stop();
  }
}

async function floodBench() {
  let received = 0;
  const upstream = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.method === "POST") received++;
      const text = JSON.stringify({
        status: "IN_QUEUE",
        request_id: `flood-${received}`,
        queue_position: 0,
      });
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(text),
      });
      res.end(text);
    });
  });
  await new Promise((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const app = await startApp({
    FAL_KEY: "bench-not-a-real-key",
    FAL_UPSTREAM_ORIGIN: `http://127.0.0.1:${upstream.address().port}`,
    KONTEXT_RATE_LIMIT: QUOTA,
  });
  const statuses = new Map();
  const body = JSON.stringify({
    image_url: "https://example.com/a.png",
    prompt: "flood",
    num_images: 4,
  });
  const deadline = performance.now() + FLOOD_SECONDS * 1000;
  try {
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < deadline) {
          try {
            const response = await proxy(app, QUEUE, { method: "POST", body });
            await response.arrayBuffer();
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          } catch {
            statuses.set("error", (statuses.get("error") ?? 0) + 1);
          }
        }
      }),
    );
  } finally {
    app.stop();
    upstream.close();
  }
  const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
  const byStatus = [...statuses.entries()]
    .map(([status, count]) => `${status}: ${count}`)
    .join(", ");
  console.log(
    `\nAnonymous flood, ${CONNECTIONS} connections × ${FLOOD_SECONDS} s, KONTEXT_RATE_LIMIT=${QUOTA}:`,
  );
  console.log(`  submits sent:                    ${sent} (${byStatus})`);
  console.log(`  submits that reached the upstream: ${received}`);
}

/** A PNG of noise (incompressible) whose data URI is about 3.9 MB, under the proxy's 4 MiB cap. */
async function bigDataUri() {
  const { default: sharp } = await import("sharp");
  const side = 980;
  const noise = Buffer.alloc(side * side * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2_654_435_761) >>> 24;
  const png = await sharp(noise, { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return `data:image/png;base64,${png.toString("base64")}`;
}

async function memoryBench() {
  const image = await bigDataUri();
  const body = JSON.stringify({ image_url: image, prompt: "memory", num_inference_steps: 10 });
  const app = await startApp({ KONTEXT_BACKEND: "local", LOCAL_ENGINE_STEP_MS: "10" });
  try {
    await submitRun(app); // the engine thread and render workers are started before measuring
    await sleep(3_000);
    const before = rssMb(app.child.pid);
    const ids = [];
    for (let i = 0; i < BIG_SUBMITS; i++) {
      const response = await proxy(app, QUEUE, { method: "POST", body });
      if (!response.ok) throw new Error(`a big submit answered ${response.status}`);
      ids.push((await response.json()).request_id);
    }
    const submitted = rssMb(app.child.pid);
    let failed = 0;
    for (const id of ids) {
      for (;;) {
        const status = await (await proxy(app, `${QUEUE}/requests/${id}/status`)).json();
        if (status.status === "COMPLETED") break;
        await sleep(200);
      }
      if (!(await proxy(app, `${QUEUE}/requests/${id}`)).ok) failed++;
    }
    const finished = rssMb(app.child.pid);
    await sleep(15_000);
    const settled = rssMb(app.child.pid);
    console.log(
      `\nMemory, ${BIG_SUBMITS} proxied submits of ${(body.length / 1e6).toFixed(2)} MB (local engine):`,
    );
    console.log(`  runs failed:                     ${failed}`);
    console.log(
      `  server RSS before / all submitted / all finished / 15 s later: ${before} / ${submitted} / ${finished} / ${settled} MB`,
    );
  } finally {
    app.stop();
  }
}

if (PARTS.includes("engine")) await engineBench();
if (PARTS.includes("flood")) await floodBench();
if (PARTS.includes("memory")) await memoryBench();
