import { describe, expect, it } from "vitest";
import type { DraftImage } from "@/lib/domain/form";
import { createPlaygroundStore } from "./playground-store";
import { fakeHistory, fakeImages, fakeServices, tick } from "./test-support";

const jpeg = () => new File([new Uint8Array([9, 8, 7])], "cat.jpg", { type: "image/jpeg" });

async function loadedStore(draftImage: DraftImage | null = null) {
  const saved = fakeHistory({ draftImage });
  const cache = fakeImages();
  const fake = fakeServices({ history: saved.history, images: cache.images });
  const store = createPlaygroundStore(fake.services);
  await store.getState().hydrate();
  await tick();
  return { store, saved, cache, ...fake };
}

describe("the form's input image across reloads", () => {
  it("keeps the chosen file's bytes (never a blob: URL) and puts them back through the file path", async () => {
    const { store, saved } = await loadedStore();
    const file = jpeg();
    await store.getState().setImageFile(file);
    await tick();
    const kept = saved.draftImage();
    expect(kept).toMatchObject({ kind: "file", name: "cat.jpg", parentRunId: null });
    expect(kept?.kind === "file" && kept.blob).toBe(file);

    const reloaded = await loadedStore(kept);
    await tick();
    const image = reloaded.store.getState().image;
    expect(image?.source).toBe("file");
    expect(image?.name).toBe("cat.jpg");
    expect([image?.width, image?.height]).toEqual([1920, 1080]);
    expect(reloaded.calls.prepared).toHaveLength(1);
    // Reading it back does not write it again.
    expect(reloaded.saved.imageSaves).toEqual([]);
  });

  it("writes nothing again when only the upload URL is learnt, and forgets the copy when cleared", async () => {
    const { store, saved } = await loadedStore();
    await store.getState().setImageFile(jpeg());
    store.getState().setPrompt("make it snow");
    await store.getState().startRun();
    await tick();
    expect(store.getState().image?.remoteUrl).toMatch(/^https:/);
    expect(saved.imageSaves).toHaveLength(1);

    store.getState().clearImage();
    await tick();
    expect(saved.draftImage()).toBeNull();
    expect(saved.imageSaves).toHaveLength(2);
  });

  it("keeps a result used as input by its URL and its parent run, with the cached copy as fallback", async () => {
    const url = "https://cdn.example/out.png";
    const { store, saved } = await loadedStore();
    store
      .getState()
      .useResultAsInput(
        { url, width: 640, height: 480, content_type: "image/png" },
        { runId: "run-7" },
      );
    await tick();
    expect(saved.draftImage()).toEqual({
      kind: "url",
      url,
      name: "previous result",
      parentRunId: "run-7",
    });

    const reloaded = await loadedStore(saved.draftImage());
    expect(reloaded.store.getState().image?.remoteUrl).toBe(url);
    expect(reloaded.store.getState().image?.parentRunId).toBe("run-7");

    // Its URL expired: the copy the image cache kept is used instead, lineage and all.
    const history = fakeHistory({ draftImage: saved.draftImage() });
    const cache = fakeImages();
    await cache.images.put(url, new Blob([new Uint8Array([1])], { type: "image/png" }));
    const expired = fakeServices({
      history: history.history,
      images: cache.images,
      probeUrl: async () => {
        throw new Error("gone");
      },
    });
    const store2 = createPlaygroundStore(expired.services);
    await store2.getState().hydrate();
    await tick();
    await tick();
    expect(store2.getState().image?.source).toBe("file");
    expect(store2.getState().image?.parentRunId).toBe("run-7");
    expect(store2.getState().imageError).toBeNull();
  });

  it("does not replace an image the person chose while the history loaded", async () => {
    const saved = fakeHistory({
      draftImage: {
        kind: "url",
        url: "https://old.example/a.png",
        name: "a.png",
        parentRunId: null,
      },
    });
    const fake = fakeServices({ history: saved.history });
    const store = createPlaygroundStore(fake.services);
    const chosen = store.getState().setImageFile(jpeg());
    await store.getState().hydrate();
    await chosen;
    await tick();
    expect(store.getState().image?.name).toBe("cat.jpg");
  });
});
