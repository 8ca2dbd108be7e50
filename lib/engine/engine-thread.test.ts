import { EventEmitter } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalEngine } from "./engine";
import { serveEngine } from "./engine-host";
import { EngineThread } from "./engine-thread";
import type { JobSnapshot } from "./engine-types";
import { FileStore } from "./file-store";

const ORIGIN = "http://playground.test";

let dataDir: string;
let ports: MessagePort[];
/** Image URLs whose loading waits until released. */
let holds: Map<string, () => void>;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "engine-thread-test-"));
  ports = [];
  holds = new Map();
});

afterEach(async () => {
  for (const port of ports) port.close();
  await rm(dataDir, { recursive: true, force: true });
});

function store(): FileStore {
  return new FileStore({ dataDir, maxBytes: 1024 ** 3, maxAgeMs: 3_600_000 });
}

/** One engine "thread": a MessageChannel whose far end is served in this thread. */
function channel(): { near: MessagePort; engine: LocalEngine } {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const engine = serveEngine(
    port2,
    (observe) =>
      new LocalEngine({
        store: store(),
        stepMs: 1,
        filesPath: "/api/engine/files",
        observe,
        loadInput: async (url) => {
          if (holds.has(url)) await new Promise<void>((resolve) => holds.set(url, resolve));
          return { bytes: Buffer.from("png"), format: "png", width: 8, height: 8 };
        },
        render: async (options) => [
          {
            bytes: Buffer.from("out"),
            contentType: "image/png",
            width: options.size.width,
            height: options.size.height,
            nsfw: false,
          },
        ],
      }),
  );
  return { near: port1, engine };
}

function body(imageUrl = "https://images.test/a.png") {
  return { image_url: imageUrl, prompt: "autumn", num_inference_steps: 10 };
}

async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error("timed out");
}

/** Waits until the request is loading its (held) input: it is IN_PROGRESS and can be released. */
async function loading(thread: EngineThread, id: string): Promise<void> {
  await until(async () =>
    Boolean(messagesOf(await thread.status(id))?.includes("Loading input image")),
  );
}

const messagesOf = (snapshot: JobSnapshot | null) => snapshot?.logs.map((log) => log.message);

describe("EngineThread", () => {
  it("runs requests on the engine side and mirrors their states, logs and results", async () => {
    const { near } = channel();
    const thread = new EngineThread(() => near, store());
    const accepted = await thread.accept(body(), ORIGIN);
    expect(accepted.state).toBe("IN_QUEUE");
    expect(accepted.queuePosition).toBe(0);

    await thread.waitFor(accepted.id);
    const status = await thread.status(accepted.id);
    expect(status?.state).toBe("COMPLETED");
    expect(status?.inferenceTime).toEqual(expect.any(Number));
    expect(messagesOf(status)).toEqual(expect.arrayContaining(["Step 1/10", "Step 10/10", "Done"]));
    const outcome = await thread.result(accepted.id);
    expect(outcome !== "pending" && outcome?.ok && outcome.output.images).toHaveLength(1);
  });

  it("has each output file in memory on this thread by the time its request completes", async () => {
    const { near } = channel();
    const here = store();
    const thread = new EngineThread(() => near, here);
    const { id } = await thread.accept(body(), ORIGIN);
    await thread.waitFor(id);
    const outcome = await thread.result(id);
    if (outcome === "pending" || !outcome?.ok) throw new Error("no output");
    const fileId = outcome.output.images[0]?.url.split("/").at(-1) as string;
    await rm(path.join(dataDir, "files", fileId));

    expect((await here.get(fileId))?.bytes.toString()).toBe("out");
  });

  it("saves the body on this thread and sends the engine only the request's id", async () => {
    const { near, engine } = channel();
    const thread = new EngineThread(() => near, store());
    const posted: unknown[] = [];
    const post = near.postMessage.bind(near);
    near.postMessage = (message: unknown) => {
      posted.push(message);
      post(message);
    };
    holds.set("https://images.test/held.png", () => {});
    const accepted = await thread.accept(body("https://images.test/held.png"), ORIGIN);
    expect(JSON.stringify(posted)).not.toContain("images.test");
    expect(await store().getJob(accepted.id)).toEqual({
      input: body("https://images.test/held.png"),
      origin: ORIGIN,
    });
    // Queuing a saved request twice (a resume racing a submit) keeps one request.
    expect(engine.queueSaved(accepted.id, ORIGIN).id).toBe(accepted.id);
    await loading(thread, accepted.id);
    holds.get("https://images.test/held.png")?.();
    await thread.waitFor(accepted.id);
    expect(
      (await thread.status(accepted.id))?.logs.filter((log) => log.message === "Done"),
    ).toHaveLength(1);
  });

  it("answers status polls from its mirror, without asking the engine thread", async () => {
    const { near } = channel();
    const thread = new EngineThread(() => near, store());
    holds.set("https://images.test/held.png", () => {});
    const running = await thread.accept(body("https://images.test/held.png"), ORIGIN);
    const queued = await thread.accept(body(), ORIGIN);
    await loading(thread, running.id);

    let posted = 0;
    const post = near.postMessage.bind(near);
    near.postMessage = (message: unknown) => {
      posted++;
      post(message);
    };
    for (let i = 0; i < 50; i++) {
      expect((await thread.status(queued.id))?.queuePosition).toBe(0);
      expect((await thread.status(running.id))?.state).toBe("IN_PROGRESS");
    }
    expect(posted).toBe(0);
    holds.get("https://images.test/held.png")?.();
    await thread.waitFor(queued.id);
  });

  it("moves queue positions up when a request starts or is cancelled, and tells watchers", async () => {
    const { near } = channel();
    const thread = new EngineThread(() => near, store());
    holds.set("https://images.test/held.png", () => {});
    const first = await thread.accept(body("https://images.test/held.png"), ORIGIN);
    const second = await thread.accept(body(), ORIGIN);
    const third = await thread.accept(body(), ORIGIN);
    await loading(thread, first.id);
    expect((await thread.status(second.id))?.queuePosition).toBe(0);
    expect((await thread.status(third.id))?.queuePosition).toBe(1);

    let told = 0;
    thread.watch(third.id, () => told++);
    expect(await thread.cancel(second.id)).toBe("CANCELLATION_REQUESTED");
    expect((await thread.status(third.id))?.queuePosition).toBe(0);
    expect(told).toBeGreaterThan(0);
    const cancelled = await thread.status(second.id);
    expect(cancelled?.state).toBe("COMPLETED");
    expect(messagesOf(cancelled)).toContain("Request cancelled while in queue");
    expect(await thread.cancel(second.id)).toBe("ALREADY_COMPLETED");

    holds.get("https://images.test/held.png")?.();
    await thread.waitFor(third.id);
    expect(thread.watch(third.id, () => {})).toBeNull();
  });

  it("answers unknown ids with null and NOT_FOUND, and old ones from the engine's disk", async () => {
    const { near } = channel();
    const thread = new EngineThread(() => near, store());
    expect(await thread.status("no-such-request")).toBeNull();
    expect(await thread.result("no-such-request")).toBeNull();
    expect(await thread.cancel("no-such-request")).toBe("NOT_FOUND");
    await store().putResult("old-one", {
      id: "old-one",
      logs: [],
      outcome: { ok: false, status: 400, detail: "The request was cancelled" },
      inferenceTime: 0.5,
    });
    expect((await thread.status("old-one"))?.state).toBe("COMPLETED");
    expect(await thread.result("old-one")).toEqual({
      ok: false,
      status: 400,
      detail: "The request was cancelled",
    });
  });

  it("mirrors the requests a previous run left, resumed before any status is answered", async () => {
    await store().putJob("left-over", { input: body(), origin: ORIGIN });
    const { near } = channel();
    const thread = new EngineThread(() => near, store());
    const status = await thread.status("left-over");
    expect(status?.state).not.toBeUndefined();
    expect(messagesOf(status)).toContain("Resumed after a server restart");
    await thread.waitFor("left-over");
    expect((await thread.status("left-over"))?.state).toBe("COMPLETED");
  });

  it("starts a new engine thread when one stops, failing the calls that were waiting", async () => {
    const first = new EventEmitter() as EventEmitter & { postMessage: (m: unknown) => void };
    first.postMessage = () => {};
    const second = channel().near;
    const spawned: unknown[] = [];
    const logs: string[] = [];
    const thread = new EngineThread(
      () => {
        const next = spawned.length === 0 ? first : second;
        spawned.push(next);
        return next;
      },
      store(),
      (message) => logs.push(message),
    );
    first.emit("message", { ready: true });
    const waiting = thread.cancel("some-id");
    first.emit("exit", 1);
    await expect(waiting).rejects.toThrow(/stopped/);
    expect(logs.join("\n")).toMatch(/engine thread stopped/);
    await until(() => spawned.length === 2);
    expect(await thread.cancel("some-id")).toBe("NOT_FOUND");
  });
});
