import { describe, expect, it } from "vitest";
import type { ImageCache } from "@/lib/history/image-cache";
import { createBrowserImageStore } from "./browser-image-store";

function memoryCache(): ImageCache & { entries: Map<string, Blob> } {
  const entries = new Map<string, Blob>();
  return {
    entries,
    put: async (url, blob) => {
      entries.set(url, blob);
      return { isStored: true, evicted: [], wasStorageFull: false };
    },
    get: async (url) => entries.get(url) ?? null,
    delete: async (url) => {
      entries.delete(url);
    },
    urls: async () => [...entries.keys()],
    usage: async () => ({ count: entries.size, bytes: 0 }),
    evictOldest: async () => [],
  };
}

describe("browser image store", () => {
  it("fetches an image once, even when asked twice at the same time, and caches it", async () => {
    const cache = memoryCache();
    const fetched: string[] = [];
    const store = createBrowserImageStore(
      () => cache,
      async (url) => {
        fetched.push(url);
        return new Blob(["px"], { type: "image/png" });
      },
    );
    const [first, second] = await Promise.all([
      store.keep("https://cdn.example/a.png"),
      store.keep("https://cdn.example/a.png"),
    ]);
    expect(first).toEqual({ evicted: [], wasStorageFull: false });
    expect(second).toBeNull();
    expect(fetched).toEqual(["https://cdn.example/a.png"]);
    expect(await store.keep("https://cdn.example/a.png")).toBeNull(); // cached already
    expect(fetched).toHaveLength(1);
    expect(await (await store.get("https://cdn.example/a.png"))?.text()).toBe("px");
  });

  it("never fetches data URIs and stores nothing for an image it cannot fetch", async () => {
    const cache = memoryCache();
    const fetched: string[] = [];
    const store = createBrowserImageStore(
      () => cache,
      async (url) => {
        fetched.push(url);
        return null;
      },
    );
    expect(await store.keep("data:image/png;base64,AAAA")).toBeNull();
    expect(await store.keep("https://cdn.example/gone.png")).toBeNull();
    expect(fetched).toEqual(["https://cdn.example/gone.png"]);
    expect(cache.entries.size).toBe(0);
  });

  it("answers null instead of failing when the cache cannot be read", async () => {
    const broken = memoryCache();
    broken.get = async () => {
      throw new Error("IndexedDB is unavailable");
    };
    const store = createBrowserImageStore(
      () => broken,
      async () => null,
    );
    expect(await store.get("https://cdn.example/a.png")).toBeNull();
  });

  it("removes the URLs it is given", async () => {
    const cache = memoryCache();
    const store = createBrowserImageStore(
      () => cache,
      async () => null,
    );
    await store.put("https://a.example/1.png", new Blob(["1"]));
    await store.put("https://a.example/2.png", new Blob(["2"]));
    await store.remove(["https://a.example/1.png"]);
    expect(await store.urls()).toEqual(["https://a.example/2.png"]);
  });
});
