import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/server/guard/client-address";
import { FAKE_TOKEN, type FakeHub, startFakeHub } from "@/tests/support/fake-hub";
import { FAKE_MODELS, FAKE_RENAMES } from "@/tests/support/fake-hub-models";
import type { HubErrorBody } from "./errors";
import { createHubHandlers, type HubHandlers, RATE_CAPACITY } from "./handlers";
import type { HubModelDetails, HubSearchPage } from "./types";

let hub: FakeHub;
let handlers: HubHandlers;
let client = 0;

beforeAll(async () => {
  hub = await startFakeHub(FAKE_MODELS, { renames: FAKE_RENAMES, treePageSize: 3 });
});
afterAll(() => hub.stop());
afterEach(() => {
  hub.clearFaults();
  hub.requests.length = 0;
});

function fresh(env: Record<string, string> = {}) {
  handlers = createHubHandlers({ HF_ENDPOINT: hub.url, HF_HUB_DOWNLOAD_TIMEOUT: "0.5", ...env });
}

/** Each call comes from its own client, so the limiter stays out of the way. */
async function call(
  route: "model" | "search",
  query: string,
  ip = `10.0.0.${++client % 250}`,
  headers: Record<string, string> = {},
) {
  // The server stamps the TCP peer's address on every request (instrumentation.ts).
  const request = new Request(`http://app.test/api/hub/${route}?${query}`, {
    headers: { [PEER_ADDRESS_HEADER]: ip, ...headers },
  });
  const response = await handlers[route](request);
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as unknown,
  };
}

const model = async (ref: string) => {
  const result = await call("model", `ref=${encodeURIComponent(ref)}`);
  return { ...result, details: result.body as HubModelDetails, error: result.body as HubErrorBody };
};

describe("GET /api/hub/model", () => {
  it("reads a fal-style card: trigger, licence, base model, weights, images, counts", async () => {
    fresh();
    const { status, details } = await model("https://huggingface.co/fal/Plushie-Kontext-Dev-LoRA");
    expect(status).toBe(200);
    expect(details).toMatchObject({
      id: "fal/Plushie-Kontext-Dev-LoRA",
      pageUrl: `${hub.url}/fal/Plushie-Kontext-Dev-LoRA`,
      revision: "main",
      author: "fal",
      downloads: 5_000,
      likes: 90,
      gated: false,
      private: false,
      trigger: { text: "Convert to plushie style", source: "instance_prompt" },
      triggerNote: "From the card's instance_prompt",
      widgetPrompts: ["Convert to plushie style", "Make the cat a plushie"],
      licence: {
        id: "other",
        name: "flux-1-dev-non-commercial-license",
        link: `${hub.url}/fal/Plushie-Kontext-Dev-LoRA/blob/main/LICENSE.md`,
      },
      baseModel: { fit: "kontext", severity: "ok" },
      weights: {
        chosen: "plushie-kontext-dev-lora.safetensors",
        reason: "The only usable .safetensors file",
        files: [
          {
            path: "plushie-kontext-dev-lora.safetensors",
            size: 306_000_000,
            url: `${hub.url}/fal/Plushie-Kontext-Dev-LoRA/resolve/main/plushie-kontext-dev-lora.safetensors`,
          },
        ],
      },
      // The widget image on another host is dropped; the repo's image file is kept once.
      exampleImages: [`${hub.url}/fal/Plushie-Kontext-Dev-LoRA/resolve/main/images/plushie-1.png`],
      card: { source: "readme" },
      warnings: [],
    });
    expect(details.renamedFrom).toBeUndefined();
    // Only the API and the card were read: never a weight file.
    expect(hub.requests.map((r) => new URL(r.url, hub.url).pathname).sort()).toEqual([
      "/api/models/fal/Plushie-Kontext-Dev-LoRA/revision/HEAD",
      "/api/models/fal/Plushie-Kontext-Dev-LoRA/tree/main",
      "/api/models/fal/Plushie-Kontext-Dev-LoRA/tree/main",
      "/fal/Plushie-Kontext-Dev-LoRA/resolve/main/README.md",
    ]);
  });

  it("falls back to widget prompts, warns about FLUX.1 [dev], and explains the file choice", async () => {
    fresh();
    const { details } = await model("someone/Widget-Only");
    expect(details.trigger).toEqual({
      text: "a watercolor painting, wtrclr style",
      source: "widget",
    });
    expect(details.triggerNote).toBe("From the card's first widget prompt");
    expect(details.baseModel).toMatchObject({ fit: "flux-dev", severity: "warning" });
    expect(details.weights.chosen).toBe("wtrclr.safetensors");
    expect(details.weights.reason).toMatch(/Chosen from 2 \.safetensors files/);
    const refused = details.weights.files.filter((f) => f.refusal).map((f) => f.path);
    expect(refused.sort()).toEqual(["full-model.safetensors", "old.ckpt"]);
    expect(details.exampleImages).toEqual([
      `${hub.url}/someone/Widget-Only/resolve/main/samples/a.jpg`,
    ]);
  });

  it("uses the file and revision named in a /blob/ link", async () => {
    fresh();
    const { details } = await model(
      "https://huggingface.co/someone/Widget-Only/blob/main/checkpoints/step-500.safetensors",
    );
    expect(details.weights.chosen).toBe("checkpoints/step-500.safetensors");
    expect(details.weights.reason).toBe("The file named in the link");
  });

  it("says there is no trigger when the card has none", async () => {
    fresh();
    const { details } = await model("someone/No-Card");
    expect(details.trigger).toBeNull();
    expect(details.triggerNote).toBe("No trigger in the card");
    expect(details.card).toEqual({
      source: "none",
      problem: "The repository has no card (README.md)",
    });
    expect(details.baseModel.fit).toBe("unknown");
  });

  it("falls back to the Hub's card data when the README's front matter is hostile", async () => {
    fresh();
    const { details } = await model("someone/Hostile-Card");
    expect(details.card).toEqual({
      source: "api",
      problem: "The card's metadata is not valid YAML",
    });
    expect(details.trigger?.text).toBe("from the api card data");
  });

  it.each([
    [
      { kind: "huge", bytes: 600_000, declareLength: true },
      "The card (README.md) is too large to read",
    ],
    [
      { kind: "redirect", location: "https://cdn.example.com/README.md" },
      "The card (README.md) is stored off the Hub's host",
    ],
  ] as const)("falls back to the Hub's card data when the card cannot be read (%j)", async (fault, problem) => {
    fresh();
    hub.fault("/fal/Plushie-Kontext-Dev-LoRA/resolve/", fault);
    const { status, details } = await model("fal/Plushie-Kontext-Dev-LoRA");
    expect(status).toBe(200);
    expect(details.card).toEqual({ source: "api", problem });
    expect(details.trigger).toEqual({
      text: "Convert to plushie style",
      source: "instance_prompt",
    });
  });

  it("follows a renamed repository and says so", async () => {
    fresh();
    const { details } = await model("someone/Old-Name");
    expect(details.id).toBe("someone/New-Name");
    expect(details.renamedFrom).toBe("someone/Old-Name");
    expect(details.weights.files[0]?.url).toBe(
      `${hub.url}/someone/New-Name/resolve/main/renamed.safetensors`,
    );
  });

  it("says a non-Kontext family will not work", async () => {
    fresh();
    const { details } = await model("someone/SDXL-LoRA");
    expect(details.baseModel).toMatchObject({ fit: "other", severity: "incompatible" });
  });

  it("warns that a gated repository cannot be downloaded by fal", async () => {
    fresh();
    const { details } = await model("someone/Gated-LoRA");
    expect(details.gated).toBe("manual");
    expect(details.warnings).toEqual([
      "This repository is gated: fal cannot download its weights without access",
    ]);
  });

  it("reads a private repository with HF_TOKEN, which never appears in the answer", async () => {
    fresh();
    expect((await model("someone/Private-LoRA")).error.code).toBe("private");
    fresh({ HF_TOKEN: FAKE_TOKEN });
    const { status, body } = await model("someone/Private-LoRA");
    expect(status).toBe(200);
    expect(JSON.stringify(body)).not.toContain(FAKE_TOKEN);
  });

  it.each([
    ["someone/Missing", 404, "not_found"],
    ["someone/Private-LoRA", 403, "private"],
  ])("maps %s to %i %s", async (ref, status, code) => {
    fresh();
    const result = await model(ref);
    expect(result.status).toBe(status);
    expect(result.error.code).toBe(code);
  });

  it.each([
    [{ kind: "status", status: 403, headers: { "x-error-code": "GatedRepo" } }, 403, "gated"],
    [{ kind: "status", status: 429, headers: { "retry-after": "20" } }, 503, "hub_rate_limited"],
    [{ kind: "status", status: 500 }, 502, "bad_answer"],
    [{ kind: "status", status: 200, body: "<html>not json</html>" }, 502, "bad_answer"],
    [{ kind: "slow", ms: 1_500 }, 504, "timeout"],
    [{ kind: "huge", bytes: 3_000_000, declareLength: false }, 502, "too_large"],
    [{ kind: "redirect", location: "https://evil.example.com/x" }, 502, "off_host_redirect"],
  ] as const)("maps a Hub fault %j to %i %s", async (fault, status, code) => {
    fresh();
    hub.fault("/api/models/fal/Plushie-Kontext-Dev-LoRA", fault);
    const result = await model("fal/Plushie-Kontext-Dev-LoRA");
    expect(result.status).toBe(status);
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeGreaterThan(10);
    if (code === "hub_rate_limited") expect(result.error.retryAfter).toBe(20);
  });

  it("refuses a malformed id without any request to the Hub", async () => {
    fresh();
    for (const ref of ["fal/../../etc", "fal/a--b", "-x/y", "https://evil.example.com/a/b", ""]) {
      const result = await model(ref);
      expect(result.status).toBe(400);
      expect(result.error.code).toBe("bad_reference");
    }
    expect(hub.requests).toHaveLength(0);
  });

  it("caches details: a second look-up makes no request", async () => {
    fresh();
    await model("fal/Plushie-Kontext-Dev-LoRA");
    const made = hub.requests.length;
    const again = await model("https://hf.co/fal/Plushie-Kontext-Dev-LoRA/");
    expect(again.status).toBe(200);
    expect(hub.requests.length).toBe(made);
  });

  it("rate-limits each client", async () => {
    fresh();
    hub.fault("/api/models/no", { kind: "status", status: 404 });
    for (let i = 0; i < RATE_CAPACITY; i++) {
      expect((await call("model", "ref=no/x", "192.0.2.1")).status).toBe(404);
    }
    const limited = await call("model", "ref=no/x", "192.0.2.1");
    expect(limited.status).toBe(429);
    expect((limited.body as HubErrorBody).code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call("model", "ref=no/x", "192.0.2.2")).status).toBe(404);
  });

  it("counts a client by its address, not by a forwarded-for header it sends", async () => {
    fresh();
    hub.fault("/api/models/no", { kind: "status", status: 404 });
    for (let i = 0; i < RATE_CAPACITY; i++) {
      const forged = { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` };
      expect((await call("model", "ref=no/x", "192.0.2.7", forged)).status).toBe(404);
    }
    const spoofed = { "x-forwarded-for": "203.0.113.250" };
    expect((await call("model", "ref=no/x", "192.0.2.7", spoofed)).status).toBe(429);
  });

  it("behind a trusted proxy, counts each forwarded client on its own", async () => {
    fresh({ KONTEXT_TRUSTED_PROXIES: "10.9.0.0/16" });
    hub.fault("/api/models/no", { kind: "status", status: 404 });
    const via = (client: string) => ({ "x-forwarded-for": client });
    for (let i = 0; i < RATE_CAPACITY; i++) {
      expect((await call("model", "ref=no/x", "10.9.0.1", via("203.0.113.1"))).status).toBe(404);
    }
    expect((await call("model", "ref=no/x", "10.9.0.1", via("203.0.113.1"))).status).toBe(429);
    expect((await call("model", "ref=no/x", "10.9.0.1", via("203.0.113.2"))).status).toBe(404);
  });

  it("reports a malformed KONTEXT_TRUSTED_PROXIES as a configuration problem", async () => {
    fresh({ KONTEXT_TRUSTED_PROXIES: "not-an-address" });
    const result = await model("fal/x");
    expect(result.status).toBe(503);
    expect(result.error.code).toBe("config");
    expect(result.error.message).toContain("KONTEXT_TRUSTED_PROXIES");
  });

  it("reports a malformed HF_ENDPOINT as a configuration problem without echoing it", async () => {
    fresh({ HF_ENDPOINT: "ftp://user:hf_secret@mirror" });
    const result = await model("fal/x");
    expect(result.status).toBe(503);
    expect(result.error.code).toBe("config");
    expect(result.error.message).not.toContain("hf_secret");
  });
});

describe("GET /api/hub/search", () => {
  const search = async (query: string) => {
    const result = await call("search", query);
    return { ...result, page: result.body as HubSearchPage, error: result.body as HubErrorBody };
  };

  it("lists Kontext adapters by downloads, 20 a page, with trigger and preview", async () => {
    fresh();
    const { status, page } = await search("sort=downloads");
    expect(status).toBe(200);
    expect(page).toMatchObject({ q: "", sort: "downloads", page: 1, pageSize: 20, hasMore: true });
    expect(page.items).toHaveLength(20);
    expect(page.items[0]).toMatchObject({
      id: "fal/Plushie-Kontext-Dev-LoRA",
      downloads: 5_000,
      trigger: { text: "Convert to plushie style", source: "instance_prompt" },
    });
    const style = page.items.find((item) => item.id === "kontext-maker/Style-01-Kontext-LoRA");
    expect(style).toMatchObject({
      licence: { id: "apache-2.0" },
      preview: `${hub.url}/kontext-maker/Style-01-Kontext-LoRA/resolve/main/images/1.png`,
    });
    expect(page.items.map((item) => item.id)).not.toContain("someone/SDXL-LoRA");
    const listing = new URL(hub.requests[0]?.url ?? "", hub.url);
    expect(listing.pathname).toBe("/api/models");
    expect(listing.searchParams.getAll("filter")).toEqual([
      "base_model:adapter:black-forest-labs/FLUX.1-Kontext-dev",
    ]);
    expect(listing.searchParams.get("sort")).toBe("downloads");
    expect(listing.searchParams.getAll("expand")).toContain("cardData");
  });

  it("pages to the end", async () => {
    fresh();
    const third = await search("sort=downloads&page=3");
    expect(third.page.page).toBe(3);
    expect(third.page.hasMore).toBe(false);
    const all = [
      ...(await search("page=1")).page.items,
      ...(await search("page=2")).page.items,
      ...third.page.items,
    ].map((item) => item.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(
      FAKE_MODELS.filter(
        (m) =>
          !m.private && m.tags?.includes("base_model:adapter:black-forest-labs/FLUX.1-Kontext-dev"),
      ).length,
    );
  });

  it("sorts by likes and by recency, and searches by name", async () => {
    fresh();
    const byLikes = (await search("sort=likes")).page.items.map((item) => item.id);
    expect(byLikes.slice(0, 2)).toEqual([
      "fal/Plushie-Kontext-Dev-LoRA",
      "kontext-maker/Style-45-Kontext-LoRA",
    ]);
    expect((await search("sort=recent")).page.items[0]?.id).toBe(
      "kontext-maker/Style-45-Kontext-LoRA",
    );
    const found = await search("q=plushie");
    expect(found.page.items.map((item) => item.id)).toEqual(["fal/Plushie-Kontext-Dev-LoRA"]);
    expect(found.page.hasMore).toBe(false);
  });

  it.each([
    ["sort=trending", /sort must be/],
    ["page=0", /page must be/],
    ["page=21", /page must be/],
    ["page=1.5", /page must be/],
    [`q=${"x".repeat(101)}`, /100 characters/],
    ["q=%00", /control characters/],
  ])("refuses %s without a request", async (query, message) => {
    fresh();
    const result = await search(query);
    expect(result.status).toBe(400);
    expect(result.error.code).toBe("bad_query");
    expect(result.error.message).toMatch(message);
    expect(hub.requests).toHaveLength(0);
  });

  it("says when the Hub cannot be reached", async () => {
    const gone = await startFakeHub([]);
    await gone.stop();
    handlers = createHubHandlers({ HF_ENDPOINT: gone.url });
    const result = await search("");
    expect(result.status).toBe(502);
    expect(result.error).toEqual({
      code: "unreachable",
      message: "The Hugging Face Hub cannot be reached from this server",
    });
  });
});
