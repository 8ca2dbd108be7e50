import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HubErrorBody } from "@/lib/hub/errors";
import type { HubModelDetails, HubSearchPage } from "@/lib/hub/types";
import { FAKE_TOKEN, type FakeHub, startFakeHub } from "../support/fake-hub";
import { FAKE_MODELS, FAKE_RENAMES } from "../support/fake-hub-models";
import { type NextServer, startNext } from "../support/next-server";

// The built app's Hub routes against a fake Hub started here (HF_ENDPOINT), with a 1 s limit.
let hub: FakeHub;
let elsewhere: FakeHub;
let app: NextServer;
let client = 0;

beforeAll(async () => {
  hub = await startFakeHub(FAKE_MODELS, { renames: FAKE_RENAMES });
  elsewhere = await startFakeHub(FAKE_MODELS);
  app = await startNext({
    KONTEXT_BACKEND: "local",
    HF_ENDPOINT: hub.url,
    HF_TOKEN: FAKE_TOKEN,
    HF_HUB_DOWNLOAD_TIMEOUT: "1",
    // The test talks to the app from loopback, posing as a proxy that forwards many clients.
    KONTEXT_TRUSTED_PROXIES: "127.0.0.1, ::1",
  });
});

afterAll(async () => {
  await app?.stop();
  await hub?.stop();
  await elsewhere?.stop();
});

async function get(path: string) {
  const response = await fetch(`${app.url}${path}`, {
    // A client per request (forwarded by a trusted proxy), so the route's limiter does not
    // interfere (its own tests are unit tests).
    headers: { "x-forwarded-for": `198.51.100.${++client % 250}` },
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as unknown };
}

const model = async (ref: string) => {
  const result = await get(`/api/hub/model?ref=${encodeURIComponent(ref)}`);
  return { ...result, details: result.json as HubModelDetails, error: result.json as HubErrorBody };
};

function withFault<T>(
  prefix: string,
  fault: Parameters<FakeHub["fault"]>[1],
  run: () => Promise<T>,
) {
  hub.fault(prefix, fault);
  return run().finally(() => hub.clearFaults());
}

describe("the Hub routes against a fake Hub", () => {
  it("brings in a LoRA's details from a pasted model URL", async () => {
    hub.requests.length = 0;
    const { status, details, text } = await model(
      "https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA",
    );
    expect(status).toBe(200);
    expect(details.trigger).toEqual({
      text: "Convert to plushie style",
      source: "instance_prompt",
    });
    expect(details.baseModel.fit).toBe("kontext");
    expect(details.weights.chosen).toBe("plushie-kontext-dev-lora.safetensors");
    expect(details.licence?.name).toBe("flux-1-dev-non-commercial-license");
    // HF_TOKEN went to the Hub, and only there: never into the answer.
    expect(hub.requests.length).toBeGreaterThan(0);
    for (const request of hub.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${FAKE_TOKEN}`);
      expect(request.url).not.toMatch(/\.safetensors/);
    }
    expect(text).not.toContain(FAKE_TOKEN);
  });

  it("never sends a request for a malformed repo id", async () => {
    hub.requests.length = 0;
    for (const ref of [
      "fal/a--b",
      "../../etc/passwd",
      "fal/x/y/z?",
      "https://evil.example.com/a/b",
    ]) {
      const result = await model(ref);
      expect(result.status).toBe(400);
      expect(result.error.code).toBe("bad_reference");
    }
    expect(hub.requests).toHaveLength(0);
  });

  it("gives up on a Hub that does not answer in time", async () => {
    const result = await withFault(
      "/api/models/someone/Widget-Only",
      { kind: "slow", ms: 3_000 },
      () => model("someone/Widget-Only"),
    );
    expect(result.status).toBe(504);
    expect(result.error.code).toBe("timeout");
  });

  it("refuses an oversized answer", async () => {
    const result = await withFault(
      "/api/models/someone/SDXL-LoRA",
      { kind: "huge", bytes: 5_000_000, declareLength: false },
      () => model("someone/SDXL-LoRA"),
    );
    expect(result.status).toBe(502);
    expect(result.error.code).toBe("too_large");
  });

  it("never follows a redirect off the Hub's host", async () => {
    elsewhere.requests.length = 0;
    const result = await withFault(
      "/api/models/someone/Gated-LoRA",
      { kind: "redirect", location: `${elsewhere.url}/api/models/someone/Gated-LoRA` },
      () => model("someone/Gated-LoRA"),
    );
    expect(result.status).toBe(502);
    expect(result.error.code).toBe("off_host_redirect");
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("follows a renamed repository on the Hub's host", async () => {
    const { status, details } = await model("someone/Old-Name");
    expect(status).toBe(200);
    expect(details).toMatchObject({ id: "someone/New-Name", renamedFrom: "someone/Old-Name" });
  });

  it("maps missing, private-without-access and rate-limited answers", async () => {
    expect((await model("someone/Missing")).error.code).toBe("not_found");
    const limited = await withFault(
      "/api/models/someone/No-Card",
      { kind: "status", status: 429, headers: { "retry-after": "9" } },
      () => model("someone/No-Card"),
    );
    expect(limited.status).toBe(503);
    expect(limited.error).toMatchObject({ code: "hub_rate_limited", retryAfter: 9 });
  });

  it("browses Kontext LoRAs page by page", async () => {
    const first = await get("/api/hub/search?sort=downloads&page=1");
    const second = await get("/api/hub/search?sort=downloads&page=2");
    const [a, b] = [first.json as HubSearchPage, second.json as HubSearchPage];
    expect(first.status).toBe(200);
    expect(a.items).toHaveLength(20);
    expect(a.hasMore).toBe(true);
    expect(b.page).toBe(2);
    const ids = [...a.items, ...b.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(40);
    expect((await get("/api/hub/search?sort=nope")).status).toBe(400);
  });

  it("passes on a card image, and refuses off-host, oversized and non-image answers", async () => {
    const image = (url: string) =>
      fetch(`${app.url}/api/hub/image?url=${encodeURIComponent(url)}`, {
        headers: { "x-forwarded-for": `198.51.100.${++client % 250}` },
      });
    const plushie = `${hub.url}/fal/Plushie-Kontext-Dev-LoRA/resolve/main/images/plushie-1.png`;
    const served = await image(plushie);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await served.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");

    elsewhere.requests.length = 0;
    const offHost = await image(plushie.replace(hub.url, elsewhere.url));
    expect(offHost.status).toBe(400);
    expect(((await offHost.json()) as HubErrorBody).code).toBe("bad_reference");
    expect(elsewhere.requests).toHaveLength(0);

    const notImage = await image(
      `${hub.url}/someone/SDXL-LoRA/resolve/main/images/not-an-image.png`,
    );
    expect(notImage.status).toBe(502);
    expect(((await notImage.json()) as HubErrorBody).code).toBe("bad_answer");

    // Another revision, so the cached copy of the image above is not what answers.
    const oversized = await withFault(
      "/fal/Plushie-Kontext-Dev-LoRA/resolve/v2/",
      { kind: "huge", bytes: 7 * 1024 * 1024, declareLength: true },
      () => image(plushie.replace("/resolve/main/", "/resolve/v2/")),
    );
    expect(oversized.status).toBe(502);
    expect(((await oversized.json()) as HubErrorBody).code).toBe("too_large");
  });

  it("says the Hub is unreachable when it is down (the last test: it stops the fake)", async () => {
    await hub.stop();
    const result = await model("someone/Never-Asked-Before");
    expect(result.status).toBe(502);
    expect(result.error.code).toBe("unreachable");
    // The rest of the app keeps working.
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  });
});
