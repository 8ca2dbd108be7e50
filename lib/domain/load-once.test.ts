import { describe, expect, it, vi } from "vitest";
import { loadOnce } from "./load-once";

describe("loadOnce", () => {
  it("loads at the first call, not before, and once for every later call", async () => {
    const load = vi.fn(async () => ({ value: 1 }));
    const get = loadOnce(load);
    expect(load).not.toHaveBeenCalled();
    const [a, b] = await Promise.all([get(), get()]);
    expect(await get()).toBe(a);
    expect(b).toBe(a);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("tries again after a failed load", async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error("chunk failed"))
      .mockResolvedValueOnce("loaded");
    const get = loadOnce(load);
    await expect(get()).rejects.toThrow("chunk failed");
    expect(await get()).toBe("loaded");
    expect(load).toHaveBeenCalledTimes(2);
  });
});
