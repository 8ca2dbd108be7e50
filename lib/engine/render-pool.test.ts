import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { InputError } from "./errors";
import type { RenderOptions } from "./render";
import { poolSizeFor, RenderAbortedError, RenderPool } from "./render-pool";

// A stand-in worker speaking the render worker's protocol: it busy-waits `seed` ms (blocking its
// own thread, like a real render), then answers; seed 0 answers an input error.
const FAKE_WORKER = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", ({ id, options }) => {
  if (options.seed === 0) return parentPort.postMessage({ id, ok: false, message: "bad image", field: "image_url" });
  const until = Date.now() + options.seed;
  while (Date.now() < until) {}
  parentPort.postMessage({ id, ok: true, images: [{ bytes: new Uint8Array([1, 2]), contentType: "image/png", width: 1, height: 1, nsfw: false }] });
});`;

let spawned = 0;
const spawn = () => {
  spawned++;
  return new Worker(FAKE_WORKER, { eval: true });
};
const options = (seed: number) => ({ seed }) as unknown as RenderOptions;
const pools: RenderPool[] = [];
const makePool = (size: number) => {
  const pool = new RenderPool(spawn, size);
  pools.push(pool);
  return pool;
};

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
  spawned = 0;
});

describe("RenderPool", () => {
  it("sizes itself to the machine: one worker per spare core, 1 to 4", () => {
    expect(poolSizeFor(1)).toBe(1);
    expect(poolSizeFor(2)).toBe(1);
    expect(poolSizeFor(4)).toBe(3);
    expect(poolSizeFor(64)).toBe(4);
  });

  it("renders on workers while this thread stays free, and reuses them", async () => {
    const pool = makePool(2);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const images = await Promise.all([
      pool.render(options(300)),
      pool.render(options(300)),
      pool.render(options(50)),
    ]);
    clearInterval(timer);
    expect(images.map((list) => list[0]?.bytes)).toEqual([
      Buffer.from([1, 2]),
      Buffer.from([1, 2]),
      Buffer.from([1, 2]),
    ]);
    expect(ticks).toBeGreaterThan(10);
    expect(spawned).toBe(2);
  });

  it("keeps input errors as InputError with their field", async () => {
    const error = await makePool(1)
      .render(options(0))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe("image_url");
  });

  it("interrupts a render when its signal aborts, and carries on with a fresh worker", async () => {
    const pool = makePool(1);
    const abort = new AbortController();
    const started = Date.now();
    const running = pool.render(options(5_000), abort.signal);
    setTimeout(() => abort.abort(), 100);
    await expect(running).rejects.toBeInstanceOf(RenderAbortedError);
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(pool.render(options(10))).resolves.toHaveLength(1);
    expect(spawned).toBe(2);
  });
});
