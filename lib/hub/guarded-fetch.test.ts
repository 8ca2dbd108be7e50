import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeHub, startFakeHub } from "@/tests/support/fake-hub";
import { FAKE_MODELS, FAKE_RENAMES } from "@/tests/support/fake-hub-models";
import type { HubConfig } from "./config";
import { HubError } from "./errors";
import { createGuardedFetch } from "./guarded-fetch";

let hub: FakeHub;
let elsewhere: FakeHub;
let config: HubConfig;

beforeAll(async () => {
  hub = await startFakeHub(FAKE_MODELS, { renames: FAKE_RENAMES });
  elsewhere = await startFakeHub(FAKE_MODELS);
  config = { origin: hub.url, timeoutMs: 500, token: "hf_secret" };
});
afterAll(async () => {
  await hub.stop();
  await elsewhere.stop();
});
afterEach(() => {
  hub.clearFaults();
  hub.requests.length = 0;
  elsewhere.requests.length = 0;
});

const guarded = (options: Partial<Parameters<typeof createGuardedFetch>[1]> = {}, c = config) =>
  createGuardedFetch(c, { what: "the model fal/x", maxBytes: 64 * 1024, ...options });

async function failure(promise: Promise<unknown>): Promise<HubError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof HubError)) throw new Error(`expected a HubError, got ${String(error)}`);
  return error;
}

describe("createGuardedFetch", () => {
  it("fetches from the Hub, sending the token there only", async () => {
    const response = await guarded()(`${hub.url}/api/models/fal/Plushie-Kontext-Dev-LoRA`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe("fal/Plushie-Kontext-Dev-LoRA");
    expect(hub.requests[0]?.headers.authorization).toBe("Bearer hf_secret");
  });

  it("replaces any Authorization the client would send", async () => {
    await guarded({}, { origin: hub.url, timeoutMs: 500 })(
      `${hub.url}/api/models/fal/Plushie-Kontext-Dev-LoRA`,
      {
        headers: { Authorization: "Bearer hf_from_elsewhere" },
      },
    );
    expect(hub.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("refuses a URL on another host before sending anything", async () => {
    const error = await failure(guarded()(`${elsewhere.url}/api/models/fal/x`));
    expect(error.code).toBe("off_host_redirect");
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("follows redirects on the Hub's host (a renamed repository)", async () => {
    const response = await guarded()(`${hub.url}/api/models/someone/Old-Name`);
    expect(((await response.json()) as { id: string }).id).toBe("someone/New-Name");
    expect(response.url).toBe(`${hub.url}/api/models/someone/New-Name`);
    expect(hub.requests.map((r) => r.url)).toEqual([
      "/api/models/someone/Old-Name",
      "/api/models/someone/New-Name",
    ]);
  });

  it("never follows a redirect to another host", async () => {
    hub.fault("/api/models/fal/x", { kind: "redirect", location: `${elsewhere.url}/steal` });
    const error = await failure(guarded()(`${hub.url}/api/models/fal/x`));
    expect(error.code).toBe("off_host_redirect");
    expect(error.message).toMatch(/another host/);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("stops after too many redirects", async () => {
    hub.fault("/loop", { kind: "redirect", location: "/loop" });
    const error = await failure(guarded({ maxRedirects: 3 })(`${hub.url}/loop`));
    expect(error.code).toBe("bad_answer");
    expect(hub.requests).toHaveLength(4);
  });

  it("refuses an answer over the cap, declared or streamed", async () => {
    hub.fault("/api/models/a/declared", { kind: "huge", bytes: 200_000, declareLength: true });
    hub.fault("/api/models/a/streamed", { kind: "huge", bytes: 5_000_000, declareLength: false });
    expect((await failure(guarded()(`${hub.url}/api/models/a/declared`))).code).toBe("too_large");
    expect((await failure(guarded()(`${hub.url}/api/models/a/streamed`))).code).toBe("too_large");
  });

  it("gives up after the time limit", async () => {
    hub.fault("/api/models/a/slow", { kind: "slow", ms: 2_000 });
    const started = Date.now();
    const error = await failure(guarded()(`${hub.url}/api/models/a/slow`));
    expect(error.code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("reports an unreachable Hub", async () => {
    const closed = await startFakeHub([]);
    await closed.stop();
    const error = await failure(
      guarded({}, { origin: closed.url, timeoutMs: 2_000 })(`${closed.url}/api/models`),
    );
    expect(error.code).toBe("unreachable");
  });

  it("maps failed statuses, unless the caller passes them through", async () => {
    expect((await failure(guarded()(`${hub.url}/api/models/no/such`))).code).toBe("not_found");
    const passed = await guarded({ passStatuses: [404] })(`${hub.url}/api/models/no/such`);
    expect(passed.status).toBe(404);
    hub.fault("/api/models/a/limited", {
      kind: "status",
      status: 429,
      headers: { "retry-after": "7" },
    });
    const limited = await failure(guarded()(`${hub.url}/api/models/a/limited`));
    expect(limited).toMatchObject({ code: "hub_rate_limited", retryAfter: 7 });
  });
});
