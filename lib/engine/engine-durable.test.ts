import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KontextRequest } from "@/lib/kontext/schema";
import { type EngineDeps, LocalEngine } from "./engine";
import { FileStore } from "./file-store";
import type { RenderOptions } from "./render";

const ORIGIN = "http://playground.test";
let dataDir: string;
let renders: { request: KontextRequest; signal?: AbortSignal }[];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "engine-durable-"));
  renders = [];
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function makeEngine(overrides: Partial<EngineDeps> = {}) {
  const store = new FileStore({ dataDir, maxBytes: 1e9, maxAgeMs: 1e9 });
  const engine = new LocalEngine({
    store,
    stepMs: 0,
    filesPath: "/api/engine/files",
    loadInput: async () => ({ bytes: Buffer.from([1]), width: 64, height: 64, format: "png" }),
    render: async ({ request, size }: RenderOptions, signal?: AbortSignal) => {
      renders.push({ request, signal });
      return [{ bytes: Buffer.from([7]), contentType: "image/png", ...size, nsfw: false }];
    },
    ...overrides,
  });
  return { engine, store };
}

const input = (prompt = "durable") => ({
  image_url: "https://images.test/a.png",
  prompt,
  num_inference_steps: 10,
});

describe("LocalEngine.accept and resumeSaved", () => {
  it("keeps an accepted body on disk, not in memory, until the request finishes", async () => {
    const { engine, store } = makeEngine();
    const { id } = await engine.accept(input(), ORIGIN);
    expect(await store.getJob(id)).toEqual({ input: input(), origin: ORIGIN });
    await engine.waitFor(id);
    expect(renders[0]?.request.prompt).toBe("durable");
    expect(await store.getJob(id)).toBeNull();
    expect(await readdir(path.join(dataDir, "jobs"))).toEqual([]);
    expect((await engine.status(id))?.state).toBe("COMPLETED");
  });

  it("runs what a previous server accepted but did not finish, oldest first", async () => {
    const { store } = makeEngine();
    await store.putJob("old-1", { input: input("first"), origin: ORIGIN });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.putJob("old-2", { input: input("second"), origin: ORIGIN });
    const { engine } = makeEngine();
    const resuming = engine.resumeSaved();
    // Status waits for the resume, so an accepted request is never "not found".
    expect((await engine.status("old-2"))?.state).toMatch(/IN_QUEUE|IN_PROGRESS|COMPLETED/);
    await resuming;
    await engine.waitFor("old-1");
    await engine.waitFor("old-2");
    expect(renders.map((render) => render.request.prompt)).toEqual(["first", "second"]);
    const status = await engine.status("old-1");
    expect(status?.logs.map((log) => log.message)).toContain("Resumed after a server restart");
    const result = await engine.result("old-2");
    expect(result !== "pending" && result?.ok).toBe(true);
  });

  it("ends a saved request whose body cannot be read with a clear error, not 'not found'", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { engine, store } = makeEngine({
      loadInput: async () => {
        await held;
        return { bytes: Buffer.from([1]), width: 64, height: 64, format: "png" };
      },
    });
    await engine.accept(input("running"), ORIGIN);
    const { id } = await engine.accept(input(), ORIGIN);
    await store.deleteJob(id);
    release();
    await engine.waitFor(id);
    expect(await engine.result(id)).toEqual({
      ok: false,
      status: 500,
      detail: "The local engine lost this request's input",
    });
  });

  it("aborts the render's signal when a running request is cancelled", async () => {
    let release = () => {};
    const { engine } = makeEngine({
      render: (_options, signal) =>
        new Promise((_resolve, reject) => {
          release = () => reject(new Error("aborted"));
          signal?.addEventListener("abort", () => release());
        }),
    });
    const { id } = engine.submit(input(), ORIGIN);
    await expect
      .poll(() => engine.status(id).then((s) => s?.logs.at(-1)?.message))
      .toMatch(/^Rendering/);
    expect(await engine.cancel(id)).toBe("CANCELLATION_REQUESTED");
    await engine.waitFor(id);
    expect(await engine.result(id)).toEqual({
      ok: false,
      status: 400,
      detail: "The request was cancelled",
    });
    expect((await engine.status(id))?.logs.map((log) => log.message)).toContain(
      "Cancelled while rendering",
    );
  });
});
