import { beforeEach, describe, expect, it, vi } from "vitest";
import { createPlaygroundStore } from "./playground-store";
import { fakeHistory, fakeServices, withImage } from "./test-support";

/** How often a store created its LoRA engine (its code loaded), and a failure for the next load. */
const engine = vi.hoisted(() => ({ loads: 0, failNext: null as Error | null }));

vi.mock("./lora-engine", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./lora-engine")>();
  const { countingEngine } = await import("./test-support");
  return { ...actual, createLoraEngine: countingEngine(engine, actual.createLoraEngine) };
});

beforeEach(() => {
  engine.loads = 0;
  engine.failNext = null;
});

const PLUSHIE = {
  path: "https://huggingface.co/fal/Plushie/resolve/main/plushie.safetensors",
  scale: 1,
  name: "Plushie",
  trigger: "Convert to plushie style",
};

describe("the LoRA engine loads at first use", () => {
  it("is never loaded by a session that types its LoRAs and runs edits", async () => {
    const { services, watchers } = fakeServices({ history: fakeHistory().history });
    const store = createPlaygroundStore(services);
    await store.getState().hydrate();
    await withImage(store);
    const id = store.getState().addLora({ path: PLUSHIE.path });
    store.getState().updateLora(id, { scale: 0.5 });
    store.getState().duplicateLora(id);
    store.getState().toggleLora(id);
    await store.getState().startRun();
    await vi.waitFor(() => expect(watchers.has("req-1")).toBe(true));
    store.getState().removeLora(id);

    expect(engine.loads).toBe(0);
  });

  it("is loaded once, at the first add from the library, and puts its trigger in the prompt", async () => {
    const { services } = fakeServices();
    const store = createPlaygroundStore(services);
    store.getState().setPrompt("make it snow");
    const id = store.getState().addLibraryLora(PLUSHIE, true);
    // The row is there at once; the prompt and the notice follow once the code has loaded.
    expect(store.getState().loras.map((lora) => lora.id)).toEqual([id]);
    expect(engine.loads).toBe(0);
    await vi.waitFor(() =>
      expect(store.getState().prompt).toBe("Convert to plushie style. make it snow"),
    );
    expect(store.getState().loraNotice?.message).toBe(
      "Added Plushie; its trigger now starts the prompt.",
    );

    store.getState().addLibraryLora({ ...PLUSHIE, name: "Again" }, true);
    await vi.waitFor(() =>
      expect(store.getState().loraNotice?.message).toBe(
        "Added Again; the prompt already holds its trigger.",
      ),
    );
    expect(engine.loads).toBe(1);
  });

  it("says when its code could not be loaded, keeps the row, and loads it at the next add", async () => {
    const { services } = fakeServices();
    const store = createPlaygroundStore(services);
    store.getState().setPrompt("make it snow");

    engine.failNext = new Error("Failed to load chunk /_next/static/chunks/lora.js");
    const id = store.getState().addLibraryLora(PLUSHIE, true);
    await vi.waitFor(() =>
      expect(store.getState().loraNotice).toEqual({
        loraId: id,
        message:
          "Added Plushie; its trigger could not be put in the prompt: Failed to load chunk /_next/static/chunks/lora.js",
        undo: null,
      }),
    );
    expect(store.getState().loras.map((lora) => lora.id)).toEqual([id]);
    expect(store.getState().prompt).toBe("make it snow");

    store.getState().addLibraryLora(PLUSHIE, true);
    await vi.waitFor(() =>
      expect(store.getState().prompt).toBe("Convert to plushie style. make it snow"),
    );
    expect(store.getState().loras).toHaveLength(2);
    expect(engine.loads).toBe(1);
  });
});
