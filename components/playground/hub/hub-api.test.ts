import { afterEach, describe, expect, it, vi } from "vitest";
import { HUB_ERROR_STATUS, type HubErrorCode } from "@/lib/hub/errors";
import {
  fetchHubModel,
  fetchHubSearch,
  hubErrorMessage,
  hubImageRoute,
  previewImageOf,
} from "./hub-api";
import { formatCount, formatLicence } from "./hub-format";

const CODES = Object.keys(HUB_ERROR_STATUS) as HubErrorCode[];

afterEach(() => vi.unstubAllGlobals());

describe("hubErrorMessage", () => {
  it("gives every code but the two input ones its own plain message", () => {
    const messages = CODES.filter((code) => code !== "bad_reference" && code !== "bad_query").map(
      (code) => hubErrorMessage({ code, message: "server words" }),
    );
    expect(new Set(messages).size).toBe(CODES.length - 2);
    for (const message of messages) expect(message).not.toContain("server words");
  });

  it("keeps the server's message for a malformed reference or query (it names the problem)", () => {
    expect(
      hubErrorMessage({ code: "bad_reference", message: "The reference contains spaces" }),
    ).toBe("The reference contains spaces");
    expect(hubErrorMessage({ code: "bad_query", message: "sort must be …" })).toBe(
      "sort must be …",
    );
  });

  it("says how long to wait when rate-limited", () => {
    expect(hubErrorMessage({ code: "rate_limited", message: "", retryAfter: 12 })).toContain(
      "try again in 12 s",
    );
    expect(hubErrorMessage({ code: "hub_rate_limited", message: "" })).toContain("in a minute");
    expect(hubErrorMessage({ code: "unreachable", message: "" })).toMatch(/library .* still work/);
  });
});

describe("fetchHubModel / fetchHubSearch", () => {
  it("asks the playground's routes with the reference and query encoded", async () => {
    const fetch = vi.fn(async () => Response.json({ id: "a/b" }));
    vi.stubGlobal("fetch", fetch);
    expect(await fetchHubModel("https://hf.co/a/b?x=1&y")).toEqual({
      ok: true,
      value: { id: "a/b" },
    });
    await fetchHubSearch({ q: "a b", sort: "likes", page: 2 });
    expect(fetch.mock.calls.map((call) => (call as unknown[])[0])).toEqual([
      "/api/hub/model?ref=https%3A%2F%2Fhf.co%2Fa%2Fb%3Fx%3D1%26y",
      "/api/hub/search?q=a+b&sort=likes&page=2",
    ]);
  });

  it("turns an error answer into its message, and a lost connection into its own", async () => {
    vi.stubGlobal("fetch", async () =>
      Response.json({ code: "gated", message: "x" }, { status: 403 }),
    );
    const gated = await fetchHubModel("a/b");
    expect(gated).toMatchObject({ ok: false, code: "gated" });
    expect(gated.ok ? "" : gated.message).toMatch(/gated/);

    vi.stubGlobal("fetch", async () => new Response("<html>", { status: 500 }));
    expect(await fetchHubModel("a/b")).toMatchObject({
      ok: false,
      code: "bad_answer",
      message: expect.stringContaining("500"),
    });

    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(await fetchHubModel("a/b")).toMatchObject({ ok: false, code: "network" });
  });
});

describe("hub-format", () => {
  it("writes counts and licences as people read them", () => {
    expect(formatCount(5_000)).toBe("5,000");
    expect(formatCount(12_345)).toBe("12.3k");
    expect(formatCount(2_000_000)).toBe("2M");
    expect(formatLicence(null)).toBe("not stated in the card");
    expect(formatLicence({ id: "other", name: "flux-1-dev-non-commercial-license" })).toBe(
      "flux-1-dev-non-commercial-license",
    );
    expect(formatLicence({ id: "apache-2.0" })).toBe("apache-2.0");
  });
});

describe("card previews", () => {
  it("takes the first example image on the Hub's own host, through this server's route", () => {
    const details = {
      pageUrl: "http://127.0.0.1:4107/fal/P",
      exampleImages: [
        "https://huggingface.co/fal/P/resolve/main/a.png",
        "http://127.0.0.1:4107/fal/P/resolve/main/b.png",
      ],
    };
    expect(previewImageOf(details)).toBe("http://127.0.0.1:4107/fal/P/resolve/main/b.png");
    expect(previewImageOf({ ...details, exampleImages: [] })).toBeNull();
    expect(hubImageRoute("https://h/a b.png")).toBe(
      "/api/hub/image?url=https%3A%2F%2Fh%2Fa%20b.png",
    );
  });
});
