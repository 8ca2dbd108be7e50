import { describe, expect, it } from "vitest";
import { ENDPOINT_ID } from "@/lib/kontext/endpoint";
import { describeBackend } from "./health";

const KEY = "key-id-9f3a:key-secret-71c0e2";
const KEY_PARTS = ["key-id-9f3a", "key-secret-71c0e2"];

function expectNoKey(env: Record<string, string | undefined>): void {
  const json = JSON.stringify(describeBackend(env));
  for (const part of [KEY, ...KEY_PARTS]) expect(json, JSON.stringify(env)).not.toContain(part);
}

describe("describeBackend", () => {
  it("reports the fal backend on fal.ai when the server has a key", () => {
    expect(describeBackend({ FAL_KEY: KEY })).toEqual({
      ok: true,
      backend: "fal",
      upstream: "fal.ai",
      endpoint: ENDPOINT_ID,
      hasServerKey: true,
    });
  });

  it("reports the local engine when there is no key", () => {
    expect(describeBackend({})).toEqual({
      ok: true,
      backend: "local",
      upstream: "local",
      endpoint: ENDPOINT_ID,
      hasServerKey: false,
    });
  });

  it("reports a custom upstream and a chosen local backend", () => {
    expect(describeBackend({ FAL_KEY: KEY, FAL_UPSTREAM_ORIGIN: "http://127.0.0.1:9000" })).toEqual(
      expect.objectContaining({ backend: "fal", upstream: "custom", hasServerKey: true }),
    );
    expect(describeBackend({ KONTEXT_BACKEND: "local", FAL_KEY: KEY })).toEqual({
      ok: true,
      backend: "local",
      upstream: "local",
      endpoint: ENDPOINT_ID,
      hasServerKey: true,
    });
  });

  it("reports a problem when fal is chosen without a server key", () => {
    for (const env of [{ KONTEXT_BACKEND: "fal" }, { KONTEXT_BACKEND: "fal", FAL_KEY: "  " }]) {
      const health = describeBackend(env);
      expect(health).toMatchObject({ backend: "fal", upstream: "fal.ai", hasServerKey: false });
      expect(health.problem).toMatch(/FAL_KEY is not set/);
    }
  });

  it("reports a bad configuration as not ok, with the problem", () => {
    expect(describeBackend({ KONTEXT_BACKEND: "cloud", FAL_KEY: KEY })).toEqual({
      ok: false,
      backend: null,
      upstream: null,
      endpoint: ENDPOINT_ID,
      hasServerKey: true,
      problem: expect.stringMatching(/KONTEXT_BACKEND/),
    });
    expect(describeBackend({ FAL_KEY: KEY, FAL_UPSTREAM_ORIGIN: "ftp://x.test" })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/FAL_UPSTREAM_ORIGIN/),
    });
    expect(describeBackend({ PORT: "99999" })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/PORT/),
    });
  });

  it("never includes the key's value, whatever the configuration", () => {
    expectNoKey({ FAL_KEY: KEY });
    expectNoKey({ FAL_KEY: ` ${KEY} ` });
    expectNoKey({ FAL_KEY: KEY, KONTEXT_BACKEND: "local" });
    expectNoKey({ FAL_KEY: KEY, KONTEXT_BACKEND: "nonsense" });
    expectNoKey({ FAL_KEY: KEY, FAL_UPSTREAM_ORIGIN: "https://gateway.test/base" });
    expectNoKey({ FAL_KEY: KEY, FAL_UPSTREAM_ORIGIN: "not a url" });
    expectNoKey({ FAL_KEY: KEY, PORT: "nope" });
  });

  it("never includes upstream credentials, even from an origin it cannot parse", () => {
    for (const origin of [
      `https://${KEY}@gateway.test`,
      `https://${KEY}@gateway.test:80x/`,
      `https://${KEY}@/`,
    ]) {
      const health = describeBackend({ FAL_KEY: "other-key", FAL_UPSTREAM_ORIGIN: origin });
      expect(health.ok, origin).toBe(false);
      for (const part of KEY_PARTS) expect(JSON.stringify(health), origin).not.toContain(part);
    }
  });
});
