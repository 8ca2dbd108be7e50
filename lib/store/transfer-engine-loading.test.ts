import { beforeEach, describe, expect, it, vi } from "vitest";
import { toSidecar } from "@/lib/history/sidecar";
import type { HistoryRun } from "@/lib/history/types";
import { encodeRecipe } from "@/lib/share/link";
import { runRecipe } from "@/lib/share/recipe";
import { createPlaygroundStore } from "./playground-store";
import { fakeHistory, fakeServices, finishedSavedRun } from "./test-support";

/** How often a store created its transfer engine (its code loaded), and a failure for the next. */
const engine = vi.hoisted(() => ({ loads: 0, failNext: null as Error | null }));

vi.mock("./transfer-engine", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./transfer-engine")>();
  const { countingEngine } = await import("./test-support");
  return { ...actual, createTransferEngine: countingEngine(engine, actual.createTransferEngine) };
});

beforeEach(() => {
  engine.loads = 0;
  engine.failNext = null;
});

const CHUNK_FAILURE = "Failed to load chunk /_next/static/chunks/transfer.js";
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);

function run(id: string, prompt: string): HistoryRun {
  const base = finishedSavedRun(id, 100);
  return { ...base, request: { ...base.request, prompt } };
}

const sidecar = (name: string, prompt: string) =>
  new File([JSON.stringify(toSidecar(run("a", prompt)))], name, { type: "application/json" });

async function loadedStore() {
  const fake = fakeServices({ history: fakeHistory({ runs: [run("a", "saved")] }).history });
  const store = createPlaygroundStore(fake.services);
  await store.getState().hydrate();
  return { store, ...fake };
}

describe("the transfer engine loads at first use", () => {
  it("is never loaded by a session that opens a photo and runs edits", async () => {
    const { store, watchers } = await loadedStore();
    await store.getState().openFile(new File([JPEG], "photo.jpg", { type: "image/jpeg" }));
    expect(store.getState().image?.name).toBe("photo.jpg");
    store.getState().setPrompt("make it snow");
    await store.getState().startRun();
    await vi.waitFor(() => expect(watchers.has("req-1")).toBe(true));
    watchers.get("req-1")?.done.resolve();
    await vi.waitFor(() =>
      expect(store.getState().runs.find((r) => r.requestId === "req-1")?.phase).toBe("completed"),
    );
    store.getState().dismissTransferNotice();
    // Time for a load, had any of these started one (an import() resolves in a few ms here).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(engine.loads).toBe(0);

    // A run's settings file loads it.
    await store.getState().openFile(sidecar("a.json", "from the sidecar"));
    expect(store.getState().prompt).toBe("from the sidecar");
    expect(engine.loads).toBe(1);
  });

  it("runs the actions called before it has loaded in the order they were called", async () => {
    const { store } = await loadedStore();
    const { openSharedRecipe } = store.getState();
    const opening = [
      openSharedRecipe(encodeRecipe(runRecipe(run("a", "first link")))),
      openSharedRecipe(encodeRecipe(runRecipe(run("b", "second link")))),
    ];
    expect(engine.loads).toBe(0);
    await Promise.all(opening);
    expect(store.getState().prompt).toBe("second link");
    expect(engine.loads).toBe(1);
  });

  it("says when its code could not be loaded, and loads it at the next try", async () => {
    const { store } = await loadedStore();

    engine.failNext = new Error(CHUNK_FAILURE);
    await store.getState().openFile(sidecar("a.json", "from the sidecar"));
    expect(store.getState().transferNotice).toEqual({
      tone: "error",
      message: `a.json could not be read: ${CHUNK_FAILURE}`,
    });
    expect(store.getState().prompt).not.toBe("from the sidecar");

    engine.failNext = new Error(CHUNK_FAILURE);
    expect(await store.getState().exportRuns(["a"])).toBeNull();
    expect(store.getState().transferNotice?.message).toBe(`The export failed: ${CHUNK_FAILURE}`);

    engine.failNext = new Error(CHUNK_FAILURE);
    expect(await store.getState().resultBlob("a", 0)).toBeNull();

    await store.getState().openFile(sidecar("a.json", "from the sidecar"));
    expect(store.getState().prompt).toBe("from the sidecar");
    expect(store.getState().transferNotice?.tone).toBe("success");
    expect(engine.loads).toBe(1);
  });
});
