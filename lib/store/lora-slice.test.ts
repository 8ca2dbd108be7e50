import { describe, expect, it, vi } from "vitest";
import { readyStore as makeStore } from "./test-support";

/** Waits for the add's notice: the trigger's code (`./lora-engine`) loads at the first add. */
const noticed = (store: ReturnType<typeof makeStore>["store"]) =>
  vi.waitFor(() => expect(store.getState().loraNotice).not.toBeNull());

const PLUSHIE = {
  path: "https://huggingface.co/fal/Plushie/resolve/main/plushie.safetensors",
  scale: 1.2,
  name: "Plushie",
  trigger: "Convert to plushie style",
};

describe("addLibraryLora", () => {
  it("adds the row and puts the trigger before a prompt that already holds text", async () => {
    const { store } = makeStore();
    store.getState().setPrompt("make it snow");
    const id = store.getState().addLibraryLora(PLUSHIE, true);
    expect(store.getState().loras.map((lora) => lora.id)).toEqual([id]);
    await noticed(store);
    const state = store.getState();
    expect(state.loras).toEqual([{ id, path: PLUSHIE.path, scale: 1.2, isEnabled: true }]);
    expect(state.prompt).toBe("Convert to plushie style. make it snow");
    expect(state.loraNotice).toEqual({
      loraId: id,
      message: "Added Plushie; its trigger now starts the prompt.",
      undo: { before: "make it snow", after: "Convert to plushie style. make it snow" },
    });
  });

  it("undoes the trigger, putting the prompt back as it was", async () => {
    const { store } = makeStore();
    store.getState().setPrompt("make it snow");
    store.getState().addLibraryLora(PLUSHIE, true);
    await noticed(store);
    store.getState().undoLoraTrigger();
    expect(store.getState().prompt).toBe("make it snow");
    expect(store.getState().loras).toHaveLength(1);
    expect(store.getState().loraNotice).toMatchObject({
      message: "The prompt is as it was.",
      undo: null,
    });
  });

  it("keeps a prompt edited after the add, and says so", async () => {
    const { store } = makeStore();
    store.getState().addLibraryLora(PLUSHIE, true);
    await noticed(store);
    expect(store.getState().prompt).toBe("Convert to plushie style");
    store.getState().setPrompt("Convert to plushie style, keep the dog");
    store.getState().undoLoraTrigger();
    expect(store.getState().prompt).toBe("Convert to plushie style, keep the dog");
    expect(store.getState().loraNotice?.message).toBe(
      "The prompt was edited since; the trigger was left in it.",
    );
  });

  it("leaves the prompt alone when asked to, with nothing to undo", async () => {
    const { store } = makeStore();
    store.getState().setPrompt("make it snow");
    store.getState().addLibraryLora(PLUSHIE, false);
    await noticed(store);
    expect(store.getState().prompt).toBe("make it snow");
    expect(store.getState().loraNotice?.undo).toBeNull();
  });

  it("forgets the notice when its row is removed", async () => {
    const { store } = makeStore();
    const id = store.getState().addLibraryLora(PLUSHIE, true);
    await noticed(store);
    store.getState().removeLora(id);
    expect(store.getState().loraNotice).toBeNull();
  });
});
