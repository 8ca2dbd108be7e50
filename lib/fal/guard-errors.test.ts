import { afterEach, describe, expect, it, vi } from "vitest";
import { createPlaygroundFalClient } from "./client";
import { asGuardError, fetchFailingOnGuard, GuardRefusalError } from "./guard-errors";

afterEach(() => {
  vi.unstubAllGlobals();
});

const refusal = {
  code: "rate_limited",
  message: "Rate limit reached",
  detail: "Rate limit reached",
  retryAfterSeconds: 120,
  ownKeyHelps: true,
};

describe("asGuardError", () => {
  it("recognises the guard's bodies only", () => {
    expect(asGuardError(refusal)?.code).toBe("rate_limited");
    expect(asGuardError({ code: "other", message: "x" })).toBeNull();
    expect(asGuardError({ detail: "Too many requests" })).toBeNull();
    expect(asGuardError(null)).toBeNull();
  });
});

describe("fetchFailingOnGuard", () => {
  it("throws a guard refusal, and answers anything else as it came", async () => {
    const answers = [
      Response.json(refusal, { status: 429, headers: { "retry-after": "120" } }),
      Response.json({ detail: "upstream busy" }, { status: 429 }),
      Response.json({ request_id: "r1" }),
    ];
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => answers.shift()),
    );
    const thrown = await fetchFailingOnGuard("/api/fal/proxy").catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(GuardRefusalError);
    expect(thrown).toMatchObject({ status: 429, body: { code: "rate_limited" } });
    expect((await fetchFailingOnGuard("/api/fal/proxy")).status).toBe(429);
    expect(await (await fetchFailingOnGuard("/api/fal/proxy")).json()).toEqual({
      request_id: "r1",
    });
  });

  it("makes the playground's client give up on a refused submit at once, without retries", async () => {
    const calls = vi.fn(async () => Response.json(refusal, { status: 429 }));
    vi.stubGlobal("fetch", calls);
    const fal = createPlaygroundFalClient();
    const started = Date.now();
    const thrown = await fal.queue
      .submit("fal-ai/flux-kontext-lora", {
        input: { prompt: "x", image_url: "https://example.com/a.png" },
      })
      .catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(GuardRefusalError);
    expect(calls).toHaveBeenCalledTimes(1);
    expect(Date.now() - started).toBeLessThan(900);
  });
});
