import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outputSize } from "@/lib/kontext/resolution";
import type { KontextInput, KontextOutput } from "@/lib/kontext/schema";
import { type EngineDeps, LocalEngine, type Outcome, type RequestLog } from "./engine";
import { InputError } from "./errors";
import { FileStore, isFileId } from "./file-store";
import type { LoadedImage } from "./input-image";
import type { RenderedImage, RenderOptions } from "./render";

const ORIGIN = "http://playground.test";
const FILES_PATH = "/api/engine/files";
const INPUT_WIDTH = 300;
const INPUT_HEIGHT = 200;
const RANDOM_SEED = 424_242;

interface Deferred<T = void> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

function deferred<T = void>(): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/**
 * A fake `loadInput` that can hold chosen image URLs until released, so a request stays
 * IN_PROGRESS for as long as a test needs.
 */
class FakeLoader {
  readonly calls: string[] = [];
  private readonly started = new Map<string, Deferred>();
  private readonly holds = new Map<string, Deferred>();
  failWith: ((url: string) => unknown) | undefined;

  hold(url: string): void {
    this.holds.set(url, deferred());
  }

  release(url: string): void {
    this.holds.get(url)?.resolve();
  }

  /** Resolves once loading `url` has started (its request is then IN_PROGRESS). */
  startedLoading(url: string): Promise<void> {
    return this.startedEntry(url).promise;
  }

  load = async (url: string): Promise<LoadedImage> => {
    this.calls.push(url);
    this.startedEntry(url).resolve();
    await this.holds.get(url)?.promise;
    const failure = this.failWith?.(url);
    if (failure !== undefined) throw failure;
    return {
      bytes: Buffer.from(`input bytes of ${url}`),
      format: "png",
      width: INPUT_WIDTH,
      height: INPUT_HEIGHT,
    };
  };

  private startedEntry(url: string): Deferred {
    let entry = this.started.get(url);
    if (!entry) {
      entry = deferred();
      this.started.set(url, entry);
    }
    return entry;
  }
}

/** A fake renderer: `num_images` images of the requested size; the second one is flagged. */
class FakeRenderer {
  readonly calls: RenderOptions[] = [];
  failWith: unknown;

  render = async (options: RenderOptions): Promise<RenderedImage[]> => {
    this.calls.push(options);
    if (this.failWith !== undefined) throw this.failWith;
    return Array.from({ length: options.request.num_images }, (_, index) => ({
      bytes: Buffer.from(`image ${index} seed ${options.seed}`),
      contentType: "image/png" as const,
      width: options.size.width,
      height: options.size.height,
      nsfw: index === 1,
    }));
  };
}

let dataDir: string;
let loader: FakeLoader;
let renderer: FakeRenderer;
let logged: string[];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "engine-test-"));
  loader = new FakeLoader();
  renderer = new FakeRenderer();
  logged = [];
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function makeStore(): FileStore {
  return new FileStore({ dataDir, maxBytes: 1024 ** 3, maxAgeMs: 24 * 3_600_000 });
}

function makeEngine(overrides: Partial<EngineDeps> = {}): {
  engine: LocalEngine;
  store: FileStore;
} {
  const store = overrides.store ?? makeStore();
  const engine = new LocalEngine({
    store,
    stepMs: 0,
    loadInput: loader.load,
    render: renderer.render,
    filesPath: FILES_PATH,
    randomSeed: () => RANDOM_SEED,
    log: (message) => logged.push(message),
    ...overrides,
  });
  return { engine, store };
}

function input(overrides: Partial<KontextInput> = {}): KontextInput {
  return {
    image_url: "https://images.test/input.png",
    prompt: "make it look like autumn",
    num_inference_steps: 10,
    ...overrides,
  };
}

function messages(logs: RequestLog[] | undefined): string[] {
  return (logs ?? []).map((log) => log.message);
}

function stepMessages(logs: RequestLog[] | undefined): string[] {
  return messages(logs).filter((message) => message.startsWith("Step "));
}

/** Runs one request to the end and returns its id and outcome. */
async function run(engine: LocalEngine, body: unknown) {
  const { id } = engine.submit(body, ORIGIN);
  await engine.waitFor(id);
  const outcome = await engine.result(id);
  return { id, outcome };
}

function expectOutput(outcome: Outcome | "pending" | null): KontextOutput {
  if (outcome === null || outcome === "pending" || !outcome.ok) {
    throw new Error(`Expected a successful outcome, got ${JSON.stringify(outcome)}`);
  }
  return outcome.output;
}

/** Lets pending callbacks (listeners, promise continuations) run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe("LocalEngine queue", () => {
  it("answers a submit with an IN_QUEUE snapshot at position 0", () => {
    const { engine } = makeEngine();
    const snapshot = engine.submit(input(), ORIGIN);

    expect(snapshot).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      state: "IN_QUEUE",
      queuePosition: 0,
      logs: [],
      inferenceTime: null,
    });
  });

  it("gives every request its own id", async () => {
    const { engine } = makeEngine();
    const ids = Array.from({ length: 5 }, () => engine.submit(input(), ORIGIN).id);
    expect(new Set(ids).size).toBe(5);
    // Let the runs finish before the data folder is removed.
    await Promise.all(ids.map((id) => engine.waitFor(id)));
  });

  it("runs one request at a time, keeps queued requests in order and reports their positions", async () => {
    const { engine } = makeEngine();
    loader.hold("https://images.test/a.png");
    loader.hold("https://images.test/b.png");

    const a = engine.submit(input({ image_url: "https://images.test/a.png" }), ORIGIN);
    await loader.startedLoading("https://images.test/a.png");
    const b = engine.submit(input({ image_url: "https://images.test/b.png" }), ORIGIN);
    const c = engine.submit(input({ image_url: "https://images.test/c.png" }), ORIGIN);

    expect(b).toMatchObject({ state: "IN_QUEUE", queuePosition: 0 });
    expect(c).toMatchObject({ state: "IN_QUEUE", queuePosition: 1 });
    expect(await engine.status(a.id)).toMatchObject({ state: "IN_PROGRESS", queuePosition: null });
    expect(await engine.status(b.id)).toMatchObject({ state: "IN_QUEUE", queuePosition: 0 });
    expect(await engine.status(c.id)).toMatchObject({ state: "IN_QUEUE", queuePosition: 1 });
    expect(await engine.result(a.id)).toBe("pending");
    expect(await engine.result(b.id)).toBe("pending");

    loader.release("https://images.test/a.png");
    await loader.startedLoading("https://images.test/b.png");

    expect(await engine.status(a.id)).toMatchObject({ state: "COMPLETED", queuePosition: null });
    expect(await engine.status(b.id)).toMatchObject({ state: "IN_PROGRESS", queuePosition: null });
    expect(await engine.status(c.id)).toMatchObject({ state: "IN_QUEUE", queuePosition: 0 });

    loader.release("https://images.test/b.png");
    await engine.waitFor(c.id);

    expect(loader.calls).toEqual([
      "https://images.test/a.png",
      "https://images.test/b.png",
      "https://images.test/c.png",
    ]);
    for (const { id } of [a, b, c]) {
      expect((await engine.status(id))?.state).toBe("COMPLETED");
      expect(expectOutput(await engine.result(id)).images).toHaveLength(1);
    }
  });

  it("tells watchers about every change until the request completes", async () => {
    const { engine } = makeEngine();
    loader.hold("https://images.test/a.png");
    const a = engine.submit(input({ image_url: "https://images.test/a.png" }), ORIGIN);
    const b = engine.submit(input(), ORIGIN);
    const seen: (string | undefined)[] = [];
    const positions: (number | null | undefined)[] = [];
    const stopA = engine.watch(a.id, () => {
      void engine.status(a.id).then((snapshot) => seen.push(snapshot?.state));
    });
    engine.watch(b.id, () => {
      void engine.status(b.id).then((snapshot) => positions.push(snapshot?.queuePosition));
    });
    expect(stopA).toBeTypeOf("function");

    await loader.startedLoading("https://images.test/a.png");
    expect(seen).toContain("IN_PROGRESS");
    expect(positions).toContain(0);

    loader.release("https://images.test/a.png");
    await engine.waitFor(b.id);
    await settle();

    expect(seen.at(-1)).toBe("COMPLETED");
    // One call per log line at least: validating, loading, input, 10 steps, rendering, done.
    expect(seen.length).toBeGreaterThanOrEqual(15);
    expect(positions.at(-1)).toBeNull();
  });

  it("stops calling a watcher once it unsubscribes", async () => {
    const { engine } = makeEngine();
    const { id } = engine.submit(input(), ORIGIN);
    let calls = 0;
    const stop = engine.watch(id, () => {
      calls++;
    });
    stop?.();
    await engine.waitFor(id);
    expect(calls).toBe(0);
  });

  it("answers null for requests it does not know", async () => {
    const { engine } = makeEngine();
    for (const id of ["00000000-0000-0000-0000-000000000000", "../results/x", ""]) {
      expect(await engine.status(id), id).toBeNull();
      expect(await engine.result(id), id).toBeNull();
      expect(
        engine.watch(id, () => {}),
        id,
      ).toBeNull();
    }
  });
});

describe("LocalEngine progress", () => {
  it("logs one line per inference step and keeps every log once completed", async () => {
    const { engine } = makeEngine();
    const { id } = await run(engine, input({ num_inference_steps: 12 }));
    const status = await engine.status(id);

    expect(status?.state).toBe("COMPLETED");
    expect(stepMessages(status?.logs)).toEqual(
      Array.from({ length: 12 }, (_, index) => `Step ${index + 1}/12`),
    );
    expect(messages(status?.logs)[0]).toBe("Validating input");
    expect(messages(status?.logs).at(-1)).toBe("Done");
    for (const log of status?.logs ?? []) {
      expect(log).toEqual({
        message: expect.any(String),
        level: "INFO",
        source: "USER",
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
    }
    expect(status?.inferenceTime).toBeTypeOf("number");
    expect(status?.inferenceTime).toBeGreaterThanOrEqual(0);
  });

  it("runs every step in each acceleration mode", async () => {
    const { engine } = makeEngine({ stepMs: 1 });
    for (const acceleration of ["none", "regular", "high"] as const) {
      const { id, outcome } = await run(engine, input({ acceleration }));
      expect(expectOutput(outcome).images).toHaveLength(1);
      expect(stepMessages((await engine.status(id))?.logs), acceleration).toHaveLength(10);
    }
  });
});

describe("LocalEngine results", () => {
  it("stores each output image and answers URLs under the caller's origin", async () => {
    const { engine, store } = makeEngine();
    const { id, outcome } = await run(engine, input({ num_images: 2 }));
    const output = expectOutput(outcome);

    expect(output.images).toHaveLength(2);
    for (const [index, image] of output.images.entries()) {
      const prefix = `${ORIGIN}${FILES_PATH}/`;
      expect(image.url.startsWith(prefix), image.url).toBe(true);
      const fileId = image.url.slice(prefix.length);
      expect(isFileId(fileId)).toBe(true);
      expect(fileId).toMatch(/\.png$/);
      expect(image.content_type).toBe("image/png");

      const file = await store.get(fileId);
      expect(file?.bytes.toString()).toBe(`image ${index} seed ${RANDOM_SEED}`);
      expect(file?.meta.contentType).toBe("image/png");
      expect(file?.meta.fileName).toBe(`${id}-${index}`);
    }
  });

  it("returns data URIs and stores nothing in sync mode", async () => {
    const { engine } = makeEngine();
    const { outcome } = await run(engine, input({ sync_mode: true, num_images: 2, seed: 5 }));
    const output = expectOutput(outcome);

    expect(output.images.map((image) => image.url)).toEqual([
      `data:image/png;base64,${Buffer.from("image 0 seed 5").toString("base64")}`,
      `data:image/png;base64,${Buffer.from("image 1 seed 5").toString("base64")}`,
    ]);
    expect(await readdir(path.join(dataDir, "files"))).toEqual([]);
  });

  it("echoes the seed and prompt and passes the seed to the renderer", async () => {
    const { engine } = makeEngine();
    const { outcome } = await run(engine, input({ seed: 1234, prompt: "paint it blue" }));
    const output = expectOutput(outcome);

    expect(output.seed).toBe(1234);
    expect(output.prompt).toBe("paint it blue");
    expect(renderer.calls[0]?.seed).toBe(1234);
    expect(renderer.calls[0]?.request.prompt).toBe("paint it blue");
  });

  it("keeps a seed of 0 instead of drawing a random one", async () => {
    const { engine } = makeEngine();
    expect(expectOutput((await run(engine, input({ seed: 0 }))).outcome).seed).toBe(0);
  });

  it("draws a random seed when none is given", async () => {
    const { engine } = makeEngine();
    const absent = await run(engine, input());
    const explicitNull = await run(engine, { ...input(), seed: null });

    expect(expectOutput(absent.outcome).seed).toBe(RANDOM_SEED);
    expect(expectOutput(explicitNull.outcome).seed).toBe(RANDOM_SEED);
    expect(renderer.calls.map((call) => call.seed)).toEqual([RANDOM_SEED, RANDOM_SEED]);
  });

  it("reports the safety checker's verdict per image and a timing", async () => {
    const { engine } = makeEngine();
    const output = expectOutput((await run(engine, input({ num_images: 3 }))).outcome);

    expect(output.has_nsfw_concepts).toEqual([false, true, false]);
    expect(output.timings.inference).toBeTypeOf("number");
  });

  it.each([
    "auto",
    "match_input",
    "16:9",
    "9:21",
  ] as const)("renders at the output size of resolution_mode %s", async (mode) => {
    const { engine } = makeEngine();
    const expected = outputSize(mode, { width: INPUT_WIDTH, height: INPUT_HEIGHT });
    const output = expectOutput((await run(engine, input({ resolution_mode: mode }))).outcome);

    expect(renderer.calls[0]?.size).toEqual(expected);
    expect(output.images[0]).toMatchObject(expected);
  });

  it("passes the loaded image and the parsed request with defaults to the renderer", async () => {
    const { engine } = makeEngine();
    await run(engine, input({ image_url: "https://images.test/source.png" }));

    expect(renderer.calls).toHaveLength(1);
    expect(renderer.calls[0]?.source.toString()).toBe(
      "input bytes of https://images.test/source.png",
    );
    expect(renderer.calls[0]?.request).toMatchObject({
      num_images: 1,
      output_format: "png",
      acceleration: "none",
      resolution_mode: "match_input",
      loras: [],
    });
  });
});

describe("LocalEngine errors", () => {
  it("answers invalid input with a 422 naming the fields and an ERROR log", async () => {
    const { engine } = makeEngine();
    const { id, outcome } = await run(engine, {
      image_url: "ftp://images.test/a.png",
      prompt: "x",
      num_images: 9,
    });

    expect(outcome).toEqual({
      ok: false,
      status: 422,
      detail: expect.arrayContaining([
        expect.objectContaining({ loc: ["body", "image_url"], msg: expect.any(String) }),
        expect.objectContaining({ loc: ["body", "num_images"], msg: expect.any(String) }),
      ]),
    });
    const status = await engine.status(id);
    expect(status?.state).toBe("COMPLETED");
    const errors = status?.logs.filter((log) => log.level === "ERROR") ?? [];
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^Invalid input: .*image_url.*num_images/);
    expect(loader.calls).toEqual([]);
    expect(renderer.calls).toEqual([]);
  });

  it("answers a body that is not an object with a 422 on the whole body", async () => {
    const { engine } = makeEngine();
    const { outcome } = await run(engine, "not an object");
    expect(outcome).toMatchObject({ ok: false, status: 422, detail: [{ loc: ["body"] }] });
  });

  it("answers an unreadable input image with a 422 on image_url", async () => {
    const { engine } = makeEngine();
    loader.failWith = () => new InputError("image_url is not an image");
    const { id, outcome } = await run(engine, input());

    expect(outcome).toEqual({
      ok: false,
      status: 422,
      detail: [
        { loc: ["body", "image_url"], msg: "image_url is not an image", type: "value_error" },
      ],
    });
    expect((await engine.status(id))?.logs.some((log) => log.level === "ERROR")).toBe(true);
    expect(renderer.calls).toEqual([]);
  });

  it("answers an unexpected failure with a 500 and keeps serving the next request", async () => {
    const { engine } = makeEngine();
    renderer.failWith = new Error("renderer exploded");
    const failed = engine.submit(input(), ORIGIN);
    const next = engine.submit(input({ seed: 9 }), ORIGIN);
    await engine.waitFor(failed.id);
    renderer.failWith = undefined;
    await engine.waitFor(next.id);

    expect(await engine.result(failed.id)).toEqual({
      ok: false,
      status: 500,
      detail: expect.stringContaining("renderer exploded"),
    });
    expect((await engine.status(failed.id))?.state).toBe("COMPLETED");
    expect(logged.some((line) => line.includes(failed.id))).toBe(true);
    expect(expectOutput(await engine.result(next.id)).seed).toBe(9);
  });

  it("answers a loader failure that is not an input error with a 500", async () => {
    const { engine } = makeEngine();
    loader.failWith = () => new TypeError("socket hang up");
    const { outcome } = await run(engine, input());
    expect(outcome).toMatchObject({ ok: false, status: 500 });
  });
});

describe("LocalEngine cancel", () => {
  it("cancels a queued request at once and moves the rest of the queue up", async () => {
    const { engine } = makeEngine();
    loader.hold("https://images.test/a.png");
    const a = engine.submit(input({ image_url: "https://images.test/a.png" }), ORIGIN);
    await loader.startedLoading("https://images.test/a.png");
    const b = engine.submit(input({ image_url: "https://images.test/b.png" }), ORIGIN);
    const c = engine.submit(input({ image_url: "https://images.test/c.png" }), ORIGIN);
    const d = engine.submit(input({ image_url: "https://images.test/d.png" }), ORIGIN);
    let cNotified = 0;
    engine.watch(c.id, () => {
      cNotified++;
    });

    expect(await engine.cancel(b.id)).toBe("CANCELLATION_REQUESTED");

    const cancelled = await engine.status(b.id);
    expect(cancelled).toMatchObject({ state: "COMPLETED", queuePosition: null });
    expect(cancelled?.logs.some((log) => log.level === "WARN" && /cancel/i.test(log.message))).toBe(
      true,
    );
    expect(await engine.result(b.id)).toEqual({
      ok: false,
      status: 400,
      detail: expect.stringMatching(/cancelled/),
    });
    expect(await engine.status(c.id)).toMatchObject({ state: "IN_QUEUE", queuePosition: 0 });
    expect(await engine.status(d.id)).toMatchObject({ state: "IN_QUEUE", queuePosition: 1 });
    expect(cNotified).toBeGreaterThan(0);

    loader.release("https://images.test/a.png");
    await engine.waitFor(d.id);
    expect(loader.calls).not.toContain("https://images.test/b.png");
    expect(expectOutput(await engine.result(a.id)).images).toHaveLength(1);
    expect(expectOutput(await engine.result(d.id)).images).toHaveLength(1);
  });

  it("reports a queued request as completed from the moment it is cancelled", async () => {
    const { engine } = makeEngine();
    loader.hold("https://images.test/a.png");
    const a = engine.submit(input({ image_url: "https://images.test/a.png" }), ORIGIN);
    await loader.startedLoading("https://images.test/a.png");
    const b = engine.submit(input(), ORIGIN);

    const cancelling = engine.cancel(b.id);
    const during = await engine.status(b.id);
    await cancelling;

    expect(during).toMatchObject({ state: "COMPLETED", queuePosition: null });
    loader.release("https://images.test/a.png");
    await engine.waitFor(a.id);
  });

  it("leaves the rest of the queue alone when a queued request is cancelled twice", async () => {
    const { engine } = makeEngine();
    loader.hold("https://images.test/a.png");
    const a = engine.submit(input({ image_url: "https://images.test/a.png" }), ORIGIN);
    await loader.startedLoading("https://images.test/a.png");
    const b = engine.submit(input(), ORIGIN);
    const c = engine.submit(input(), ORIGIN);
    const d = engine.submit(input(), ORIGIN);

    const answers = await Promise.all([engine.cancel(b.id), engine.cancel(b.id)]);

    expect(answers[0]).toBe("CANCELLATION_REQUESTED");
    expect(["CANCELLATION_REQUESTED", "ALREADY_COMPLETED"]).toContain(answers[1]);
    expect(await engine.status(c.id)).toMatchObject({ state: "IN_QUEUE", queuePosition: 0 });
    expect(await engine.status(d.id)).toMatchObject({ state: "IN_QUEUE", queuePosition: 1 });

    loader.release("https://images.test/a.png");
    await engine.waitFor(d.id);
    for (const { id } of [a, c, d])
      expect(expectOutput(await engine.result(id)).seed).toBe(RANDOM_SEED);
    expect(await engine.result(b.id)).toMatchObject({ ok: false, status: 400 });
  });

  it("stops a running request at its next step", async () => {
    const { engine } = makeEngine();
    const a = engine.submit(input({ num_inference_steps: 10 }), ORIGIN);
    const next = engine.submit(input(), ORIGIN);
    let answer: Promise<string> | undefined;
    engine.watch(a.id, () => {
      void engine.status(a.id).then((snapshot) => {
        if (!answer && messages(snapshot?.logs).at(-1) === "Step 3/10") {
          answer = engine.cancel(a.id);
        }
      });
    });

    await engine.waitFor(a.id);

    expect(await answer).toBe("CANCELLATION_REQUESTED");
    const logs = (await engine.status(a.id))?.logs;
    expect(stepMessages(logs)).toEqual(["Step 1/10", "Step 2/10", "Step 3/10"]);
    expect(messages(logs).at(-1)).toBe("Cancelled at step 4/10");
    expect(logs?.at(-1)?.level).toBe("WARN");
    expect(await engine.result(a.id)).toEqual({
      ok: false,
      status: 400,
      detail: expect.stringMatching(/cancelled/),
    });
    await engine.waitFor(next.id);
    expect(renderer.calls).toHaveLength(1); // only the next request rendered
    expect(expectOutput(await engine.result(next.id)).images).toHaveLength(1);
  });

  it("stops a request cancelled while loading its input before the first step", async () => {
    const { engine } = makeEngine();
    loader.hold("https://images.test/a.png");
    const a = engine.submit(input({ image_url: "https://images.test/a.png" }), ORIGIN);
    await loader.startedLoading("https://images.test/a.png");

    expect(await engine.cancel(a.id)).toBe("CANCELLATION_REQUESTED");
    expect((await engine.status(a.id))?.state).toBe("IN_PROGRESS");
    loader.release("https://images.test/a.png");
    await engine.waitFor(a.id);

    const logs = (await engine.status(a.id))?.logs;
    expect(messages(logs)).toContain("Cancelled at step 1/10");
    expect(stepMessages(logs)).toEqual([]);
    expect(renderer.calls).toEqual([]);
    expect(await engine.result(a.id)).toMatchObject({ ok: false, status: 400 });
  });

  it("answers ALREADY_COMPLETED for finished requests and NOT_FOUND for unknown ones", async () => {
    const { engine } = makeEngine();
    const { id } = await run(engine, input());

    expect(await engine.cancel(id)).toBe("ALREADY_COMPLETED");
    expect(expectOutput(await engine.result(id)).images).toHaveLength(1);
    expect(await engine.cancel("00000000-0000-0000-0000-000000000000")).toBe("NOT_FOUND");
    expect(await engine.cancel("../../etc")).toBe("NOT_FOUND");
  });
});

describe("LocalEngine restarts", () => {
  it("answers status and result of requests finished before a restart", async () => {
    const first = makeEngine();
    const { id, outcome } = await run(first.engine, input({ num_images: 2 }));
    const invalid = await run(first.engine, { prompt: "no image" });
    const before = await first.engine.status(id);

    const second = makeEngine({ store: makeStore() });

    const after = await second.engine.status(id);
    expect(after).toEqual({
      id,
      state: "COMPLETED",
      queuePosition: null,
      logs: before?.logs,
      inferenceTime: before?.inferenceTime,
    });
    expect(stepMessages(after?.logs)).toHaveLength(10);
    expect(await second.engine.result(id)).toEqual(outcome);
    expect(await second.engine.result(invalid.id)).toEqual(invalid.outcome);
    expect(await second.engine.cancel(id)).toBe("ALREADY_COMPLETED");
    expect(second.engine.watch(id, () => {})).toBeNull();

    const [firstImage] = expectOutput(outcome).images;
    const fileId = firstImage?.url.split("/").at(-1) ?? "";
    expect((await second.store.get(fileId))?.bytes.toString()).toBe(`image 0 seed ${RANDOM_SEED}`);
  });
});
