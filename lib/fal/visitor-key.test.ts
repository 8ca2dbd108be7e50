import { afterEach, describe, expect, it, vi } from "vitest";
import { createPlaygroundFalClient } from "./client";
import {
  clearVisitorFalKey,
  getVisitorFalKey,
  hasVisitorFalKey,
  onVisitorFalKeyChange,
  setVisitorFalKey,
} from "./visitor-key";

afterEach(() => {
  clearVisitorFalKey();
  vi.unstubAllGlobals();
});

describe("the visitor's own fal key", () => {
  it("is kept in sessionStorage for this tab, and cleared", () => {
    const items = new Map<string, string>();
    vi.stubGlobal("sessionStorage", {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => items.set(key, value),
      removeItem: (key: string) => items.delete(key),
    });
    const changes = vi.fn();
    const stop = onVisitorFalKeyChange(changes);
    setVisitorFalKey("Key abcd1234:efgh5678");
    expect(getVisitorFalKey()).toBe("abcd1234:efgh5678");
    expect([...items.values()]).toEqual(["abcd1234:efgh5678"]);
    clearVisitorFalKey();
    expect(hasVisitorFalKey()).toBe(false);
    expect(items.size).toBe(0);
    expect(changes).toHaveBeenCalledTimes(2);
    stop();
  });

  it("refuses values that cannot be a key", () => {
    expect(() => setVisitorFalKey("short")).toThrow(RangeError);
    expect(() => setVisitorFalKey("has a space in it")).toThrow(/without spaces/);
  });

  it("is sent as Authorization: Key … by the playground's client, and nothing is sent without it", async () => {
    const seen: (string | null)[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        seen.push(new Headers(init.headers).get("authorization"));
        return Response.json({ request_id: "r1", status: "IN_QUEUE" });
      }),
    );
    const fal = createPlaygroundFalClient();
    await fal.queue.submit("fal-ai/flux-kontext-lora", {
      input: { prompt: "x", image_url: "https://example.com/a.png" },
    });
    setVisitorFalKey("visitor-key-1234");
    await fal.queue.submit("fal-ai/flux-kontext-lora", {
      input: { prompt: "x", image_url: "https://example.com/a.png" },
    });
    expect(seen).toEqual([null, "Key visitor-key-1234"]);
  });
});
