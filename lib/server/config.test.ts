import { describe, expect, it } from "vitest";
import {
  ConfigError,
  getBackend,
  getFalKey,
  getLocalEngineOrigin,
  getLocalEngineSettings,
  getUpstream,
  LOCAL_ENGINE_BASE_PATH,
  parseUpstreamOrigin,
} from "./config";

const KEY = "fal-key-id:fal-key-secret";

describe("getBackend", () => {
  it("uses KONTEXT_BACKEND when it names a backend, in any case and with spaces", () => {
    expect(getBackend({ KONTEXT_BACKEND: "fal" })).toBe("fal");
    expect(getBackend({ KONTEXT_BACKEND: "local", FAL_KEY: KEY })).toBe("local");
    expect(getBackend({ KONTEXT_BACKEND: " FAL " })).toBe("fal");
    expect(getBackend({ KONTEXT_BACKEND: "Local" })).toBe("local");
  });

  it("refuses any other KONTEXT_BACKEND with a ConfigError naming the value", () => {
    for (const value of ["remote", "fal.ai", "1"]) {
      expect(() => getBackend({ KONTEXT_BACKEND: value }), value).toThrow(ConfigError);
      expect(() => getBackend({ KONTEXT_BACKEND: value }), value).toThrow(
        new RegExp(`KONTEXT_BACKEND.*"${value.replace(".", "\\.")}"`),
      );
    }
  });

  it("defaults to fal with a FAL_KEY and to local without one", () => {
    expect(getBackend({ FAL_KEY: KEY })).toBe("fal");
    expect(getBackend({})).toBe("local");
  });

  it("treats a blank FAL_KEY or KONTEXT_BACKEND as unset", () => {
    expect(getBackend({ FAL_KEY: "" })).toBe("local");
    expect(getBackend({ FAL_KEY: "   " })).toBe("local");
    expect(getBackend({ KONTEXT_BACKEND: "", FAL_KEY: KEY })).toBe("fal");
    expect(getBackend({ KONTEXT_BACKEND: "  " })).toBe("local");
  });
});

describe("getFalKey", () => {
  it("returns the trimmed key, or undefined when it is blank or missing", () => {
    expect(getFalKey({ FAL_KEY: ` ${KEY}\n` })).toBe(KEY);
    expect(getFalKey({ FAL_KEY: " " })).toBeUndefined();
    expect(getFalKey({})).toBeUndefined();
  });
});

describe("getUpstream", () => {
  it("sends fal traffic to fal.ai's hosts by default", () => {
    expect(getUpstream({ FAL_KEY: KEY })).toEqual({
      backend: "fal",
      kind: "fal.ai",
      bases: {
        queue: "https://queue.fal.run",
        run: "https://fal.run",
        rest: "https://rest.fal.ai",
      },
    });
  });

  it("sends fal traffic under FAL_UPSTREAM_ORIGIN with fal's /queue, /run and /rest layout", () => {
    const bases = (origin: string) =>
      getUpstream({ FAL_KEY: KEY, FAL_UPSTREAM_ORIGIN: origin }).bases;

    expect(getUpstream({ FAL_KEY: KEY, FAL_UPSTREAM_ORIGIN: "http://127.0.0.1:9000" })).toEqual({
      backend: "fal",
      kind: "custom",
      bases: {
        queue: "http://127.0.0.1:9000/queue",
        run: "http://127.0.0.1:9000/run",
        rest: "http://127.0.0.1:9000/rest",
      },
    });
    expect(bases("https://gateway.test/")).toEqual({
      queue: "https://gateway.test/queue",
      run: "https://gateway.test/run",
      rest: "https://gateway.test/rest",
    });
    expect(bases(" https://gateway.test/fal/v1// ")).toEqual({
      queue: "https://gateway.test/fal/v1/queue",
      run: "https://gateway.test/fal/v1/run",
      rest: "https://gateway.test/fal/v1/rest",
    });
  });

  it("ignores a blank FAL_UPSTREAM_ORIGIN", () => {
    expect(getUpstream({ FAL_KEY: KEY, FAL_UPSTREAM_ORIGIN: "  " }).kind).toBe("fal.ai");
  });

  it("uses FAL_UPSTREAM_ORIGIN also when fal is chosen without a server key", () => {
    expect(
      getUpstream({ KONTEXT_BACKEND: "fal", FAL_UPSTREAM_ORIGIN: "http://localhost:7000" }),
    ).toMatchObject({ backend: "fal", kind: "custom" });
  });

  it("refuses an unusable FAL_UPSTREAM_ORIGIN with a ConfigError", () => {
    for (const origin of [
      "not a url",
      "gateway.test",
      "ftp://gateway.test",
      "file:///etc/passwd",
      "https://gateway.test/?x=1",
      "https://gateway.test/#frag",
      "https://user:pass@gateway.test",
      "https://user@gateway.test",
    ]) {
      expect(() => getUpstream({ FAL_KEY: KEY, FAL_UPSTREAM_ORIGIN: origin }), origin).toThrow(
        ConfigError,
      );
    }
  });

  it("sends local traffic to the built-in engine over loopback on PORT", () => {
    expect(getUpstream({})).toEqual({
      backend: "local",
      kind: "local",
      bases: {
        queue: "http://127.0.0.1:3000/api/engine/queue",
        run: "http://127.0.0.1:3000/api/engine/run",
        rest: "http://127.0.0.1:3000/api/engine/rest",
      },
    });
    expect(getUpstream({ PORT: "4123" }).bases.queue).toBe(
      `http://127.0.0.1:4123${LOCAL_ENGINE_BASE_PATH}/queue`,
    );
  });

  it("keeps local traffic on loopback even when FAL_UPSTREAM_ORIGIN is set", () => {
    const upstream = getUpstream({
      KONTEXT_BACKEND: "local",
      FAL_KEY: KEY,
      FAL_UPSTREAM_ORIGIN: "https://gateway.test",
      PORT: "3100",
    });
    expect(upstream.kind).toBe("local");
    expect(upstream.bases.rest).toBe("http://127.0.0.1:3100/api/engine/rest");
  });

  it("refuses a PORT that is not a port number", () => {
    for (const port of ["0", "65536", "80.5", "http", "-1"]) {
      expect(() => getUpstream({ PORT: port }), port).toThrow(ConfigError);
      expect(() => getLocalEngineOrigin({ PORT: port }), port).toThrow(/PORT must be a port/);
    }
  });
});

describe("parseUpstreamOrigin", () => {
  it("returns the origin and base path without trailing slashes", () => {
    expect(parseUpstreamOrigin("https://Gateway.Test:8443/Base/")).toBe(
      "https://gateway.test:8443/Base",
    );
    expect(parseUpstreamOrigin("http://[::1]:9000")).toBe("http://[::1]:9000");
  });

  it("does not echo credentials of an origin it cannot parse", () => {
    const value = "https://user:s3cret-password@gateway.test:80x/";
    expect(() => parseUpstreamOrigin(value)).toThrow(ConfigError);
    expect(() => parseUpstreamOrigin(value)).not.toThrow(/s3cret-password/);
  });
});

describe("getLocalEngineSettings", () => {
  it("has sensible defaults", () => {
    expect(getLocalEngineSettings({})).toEqual({
      stepMs: 30,
      dataDir: ".data/engine",
      maxStorageBytes: 1024 * 1024 * 1024,
      maxAgeMs: 168 * 3_600_000,
    });
  });

  it("reads every setting, treating blank values as unset", () => {
    expect(
      getLocalEngineSettings({
        LOCAL_ENGINE_STEP_MS: "0",
        LOCAL_ENGINE_DATA_DIR: " /var/lib/kontext ",
        LOCAL_ENGINE_MAX_STORAGE_MB: "2.5",
        LOCAL_ENGINE_MAX_AGE_HOURS: "0.5",
      }),
    ).toEqual({
      stepMs: 0,
      dataDir: "/var/lib/kontext",
      maxStorageBytes: 2.5 * 1024 * 1024,
      maxAgeMs: 1_800_000,
    });
    expect(
      getLocalEngineSettings({
        LOCAL_ENGINE_STEP_MS: " ",
        LOCAL_ENGINE_DATA_DIR: "  ",
        LOCAL_ENGINE_MAX_STORAGE_MB: "",
      }),
    ).toEqual(getLocalEngineSettings({}));
  });

  it("accepts the bounds themselves", () => {
    expect(getLocalEngineSettings({ LOCAL_ENGINE_STEP_MS: "10000" }).stepMs).toBe(10_000);
    expect(getLocalEngineSettings({ LOCAL_ENGINE_MAX_STORAGE_MB: "1" }).maxStorageBytes).toBe(
      1024 * 1024,
    );
    expect(getLocalEngineSettings({ LOCAL_ENGINE_MAX_AGE_HOURS: "87600" }).maxAgeMs).toBe(
      87_600 * 3_600_000,
    );
  });

  it.each([
    ["LOCAL_ENGINE_STEP_MS", "-1"],
    ["LOCAL_ENGINE_STEP_MS", "abc"],
    ["LOCAL_ENGINE_STEP_MS", "NaN"],
    ["LOCAL_ENGINE_STEP_MS", "Infinity"],
    ["LOCAL_ENGINE_STEP_MS", "10001"],
    ["LOCAL_ENGINE_MAX_STORAGE_MB", "0"],
    ["LOCAL_ENGINE_MAX_STORAGE_MB", "-5"],
    ["LOCAL_ENGINE_MAX_STORAGE_MB", "lots"],
    ["LOCAL_ENGINE_MAX_AGE_HOURS", "0"],
    ["LOCAL_ENGINE_MAX_AGE_HOURS", "-24"],
    ["LOCAL_ENGINE_MAX_AGE_HOURS", "87601"],
  ])("refuses %s=%s with a ConfigError naming the setting", (name, value) => {
    expect(() => getLocalEngineSettings({ [name]: value })).toThrow(ConfigError);
    expect(() => getLocalEngineSettings({ [name]: value })).toThrow(
      new RegExp(`^${name} must be a number from`),
    );
  });
});
