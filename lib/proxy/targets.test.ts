import { describe, expect, it } from "vitest";
import { ENDPOINT_ID } from "@/lib/kontext/endpoint";
import { type AllowedTarget, classifyTarget, isAllowed, type RefusedTarget } from "./targets";

const QUEUE = `https://queue.fal.run/${ENDPOINT_ID}`;
const REQUEST_ID = "2f0c6b9e-7d1a-4c51-9a7e-1b2c3d4e5f60";
const REQUEST = `${QUEUE}/requests/${REQUEST_ID}`;
const INITIATE = "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3";

function allowed(url: string | null, method: string): AllowedTarget {
  const target = classifyTarget(url, method);
  if (!isAllowed(target)) {
    throw new Error(`Expected ${method} ${url} to be allowed, got ${JSON.stringify(target)}`);
  }
  return target;
}

function refused(url: string | null, method: string): RefusedTarget {
  const target = classifyTarget(url, method);
  if (isAllowed(target)) {
    throw new Error(`Expected ${method} ${url} to be refused, got ${JSON.stringify(target)}`);
  }
  return target;
}

describe("classifyTarget: allowed targets", () => {
  it("lets a submit to the endpoint through", () => {
    expect(allowed(QUEUE, "POST")).toEqual({
      kind: "submit",
      role: "queue",
      path: `/${ENDPOINT_ID}`,
      search: "",
    });
  });

  it("lets a status poll through with logs normalised to 0 or 1", () => {
    const expected = {
      kind: "status",
      role: "queue",
      path: `/${ENDPOINT_ID}/requests/${REQUEST_ID}/status`,
      requestId: REQUEST_ID,
    };
    expect(allowed(`${REQUEST}/status?logs=1`, "GET")).toEqual({ ...expected, search: "?logs=1" });
    expect(allowed(`${REQUEST}/status?logs=0`, "GET")).toEqual({ ...expected, search: "?logs=0" });
    expect(allowed(`${REQUEST}/status`, "GET")).toEqual({ ...expected, search: "?logs=0" });
    expect(allowed(`${REQUEST}/status?logs=true`, "GET")).toEqual({
      ...expected,
      search: "?logs=0",
    });
  });

  it("drops every other query parameter of a status poll", () => {
    expect(
      allowed(`${REQUEST}/status?logs=1&fal_webhook=https://evil.test&x=%2F..`, "GET").search,
    ).toBe("?logs=1");
    expect(allowed(`${REQUEST}/status?foo=bar`, "GET").search).toBe("?logs=0");
  });

  it("lets a status stream through", () => {
    expect(allowed(`${REQUEST}/status/stream?logs=1&extra=1`, "GET")).toEqual({
      kind: "stream",
      role: "queue",
      path: `/${ENDPOINT_ID}/requests/${REQUEST_ID}/status/stream`,
      search: "?logs=1",
      requestId: REQUEST_ID,
    });
  });

  it("lets a result fetch through without any query", () => {
    expect(allowed(`${REQUEST}?logs=1`, "GET")).toEqual({
      kind: "result",
      role: "queue",
      path: `/${ENDPOINT_ID}/requests/${REQUEST_ID}`,
      search: "",
      requestId: REQUEST_ID,
    });
  });

  it("lets a cancel through", () => {
    expect(allowed(`${REQUEST}/cancel`, "PUT")).toEqual({
      kind: "cancel",
      role: "queue",
      path: `/${ENDPOINT_ID}/requests/${REQUEST_ID}/cancel`,
      search: "",
      requestId: REQUEST_ID,
    });
  });

  it("lets a storage upload initiation through", () => {
    expect(allowed(INITIATE, "POST")).toEqual({
      kind: "initiate",
      role: "rest",
      path: "/storage/upload/initiate",
      search: "?storage_type=fal-cdn-v3",
    });
    expect(allowed(`${INITIATE}&other=1`, "POST").search).toBe("?storage_type=fal-cdn-v3");
  });

  it("accepts methods in any case, upper-case host names and the default https port", () => {
    expect(allowed(QUEUE, "post").kind).toBe("submit");
    expect(allowed(`https://QUEUE.FAL.RUN/${ENDPOINT_ID}`, "POST").kind).toBe("submit");
    expect(allowed(`https://queue.fal.run:443/${ENDPOINT_ID}`, "POST").kind).toBe("submit");
  });

  it("drops a fragment from the canonical target", () => {
    expect(allowed(`${REQUEST}/status#frag`, "GET")).toMatchObject({
      path: `/${ENDPOINT_ID}/requests/${REQUEST_ID}/status`,
      search: "?logs=0",
    });
  });
});

describe("classifyTarget: refused targets", () => {
  it("refuses a missing or invalid URL with 400", () => {
    expect(refused(null, "POST")).toEqual({
      status: 400,
      message: expect.stringMatching(/missing.*x-fal-target-url/i),
    });
    expect(refused("", "POST").status).toBe(400);
    for (const url of ["not a url", "/relative/path", "https://"]) {
      expect(refused(url, "POST"), url).toEqual({
        status: 400,
        message: expect.stringMatching(/not a valid URL/),
      });
    }
  });

  it("refuses a malformed request id with 400", () => {
    for (const id of ["bad_id", "a.b", "x".repeat(65), "abc%2Fcancel", "%20"]) {
      expect(refused(`${QUEUE}/requests/${id}/status`, "GET"), id).toEqual({
        status: 400,
        message: expect.stringMatching(/request id.*malformed/),
      });
    }
    expect(refused(`${QUEUE}/requests/`, "GET").status).toBe(400);
  });

  it("refuses other endpoints with 403 naming the endpoint that is available", () => {
    for (const url of [
      "https://queue.fal.run/fal-ai/flux-pro/kontext",
      "https://queue.fal.run/fal-ai/flux-kontext-lora-other",
      `https://queue.fal.run/fal-ai/flux-pro/requests/${REQUEST_ID}/status`,
      "https://queue.fal.run/",
      `${QUEUE}/requests`,
      `${QUEUE}/extra`,
    ]) {
      const target = refused(url, "POST");
      expect(target.status, url).toBe(403);
      expect(target.message, url).toContain(ENDPOINT_ID);
    }
  });

  it("refuses hosts other than fal's queue and rest hosts with 403", () => {
    for (const url of [
      `https://evil.test/${ENDPOINT_ID}`,
      `https://queue.fal.run.evil.test/${ENDPOINT_ID}`,
      `https://queue.fal.run./${ENDPOINT_ID}`,
      `https://fal.ai/${ENDPOINT_ID}`,
      `https://rest.alpha.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3`,
      `https://127.0.0.1/${ENDPOINT_ID}`,
    ]) {
      const target = refused(url, "POST");
      expect(target.status, url).toBe(403);
      expect(target.message, url).toMatch(/not a fal API host/);
    }
  });

  it("refuses the synchronous fal.run host with 403", () => {
    expect(refused(`https://fal.run/${ENDPOINT_ID}`, "POST")).toEqual({
      status: 403,
      message: expect.stringMatching(/fal\.run.*use the queue/),
    });
  });

  it("refuses plain http, explicit ports and credentials with 403", () => {
    for (const url of [
      `http://queue.fal.run/${ENDPOINT_ID}`,
      `https://queue.fal.run:8443/${ENDPOINT_ID}`,
      `https://user:secret@queue.fal.run/${ENDPOINT_ID}`,
      `https://user@queue.fal.run/${ENDPOINT_ID}`,
      `ftp://queue.fal.run/${ENDPOINT_ID}`,
    ]) {
      const target = refused(url, "POST");
      expect(target.status, url).toBe(403);
      expect(target.message, url).toMatch(/only https URLs of fal's own hosts/);
      expect(target.message, url).not.toContain("secret");
    }
  });

  it("refuses a submit that carries a query (such as a webhook) with 403", () => {
    for (const query of ["?fal_webhook=https://evil.test/hook", "?x=1"]) {
      expect(refused(`${QUEUE}${query}`, "POST"), query).toEqual({
        status: 403,
        message: expect.stringMatching(/query parameters.*webhooks.*not proxied/),
      });
    }
  });

  it("refuses other rest.fal.ai paths and other storage types with 403", () => {
    for (const url of [
      "https://rest.fal.ai/tokens/",
      "https://rest.fal.ai/storage/upload/initiate-multipart?storage_type=fal-cdn-v3",
      "https://rest.fal.ai/storage/upload/initiate/?storage_type=fal-cdn-v3",
      "https://rest.fal.ai/storage/upload/complete-multipart",
    ]) {
      expect(refused(url, "POST"), url).toEqual({
        status: 403,
        message: expect.stringMatching(/only storage upload initiation/),
      });
    }
    for (const url of [
      "https://rest.fal.ai/storage/upload/initiate",
      "https://rest.fal.ai/storage/upload/initiate?storage_type=gcs",
    ]) {
      expect(refused(url, "POST"), url).toEqual({
        status: 403,
        message: expect.stringMatching(/storage_type=fal-cdn-v3/),
      });
    }
  });

  it("refuses unknown queue actions with 403 naming the action", () => {
    for (const action of [
      "logs",
      "status/",
      "cancel/now",
      "status/stream/more",
      "constructor",
      "toString",
      "__proto__",
      "hasOwnProperty",
    ]) {
      expect(refused(`${REQUEST}/${action}`, "GET"), action).toEqual({
        status: 403,
        message: expect.stringContaining(`the queue path /${action} is not available`),
      });
    }
  });

  it("refuses a known target with the wrong method with 405 naming the right one", () => {
    const cases: [string, string, string][] = [
      [QUEUE, "GET", "POST"],
      [`${REQUEST}/status`, "POST", "GET"],
      [`${REQUEST}/status/stream`, "DELETE", "GET"],
      [REQUEST, "POST", "GET"],
      [`${REQUEST}/cancel`, "POST", "PUT"],
      [INITIATE, "PUT", "POST"],
    ];
    for (const [url, method, expected] of cases) {
      expect(refused(url, method), `${method} ${url}`).toEqual({
        status: 405,
        message: `${method} is not allowed here; use ${expected}`,
      });
    }
  });

  it("shortens very long refused URLs in its message", () => {
    const target = refused(`https://evil.test/${"a".repeat(5_000)}`, "GET");
    expect(target.status).toBe(403);
    expect(target.message.length).toBeLessThan(400);
  });
});

describe("classifyTarget: path tricks", () => {
  const attempts = [
    `${QUEUE}/../other-app`,
    `${QUEUE}/requests/../../other-app/requests/${REQUEST_ID}`,
    `${QUEUE}/requests/${REQUEST_ID}/../../../fal-ai/other`,
    `${QUEUE}/%2e%2e/other-app`,
    `${QUEUE}/requests/%2e%2e/%2e%2e/x`,
    `${QUEUE}%2Frequests%2F${REQUEST_ID}`,
    `${QUEUE}/requests/${REQUEST_ID}%2F..%2F..%2Fother`,
    `${QUEUE}/requests/${REQUEST_ID}/status%2Fstream`,
    `${QUEUE}/requests/${REQUEST_ID}/%2e%2e/%2e%2e/%2e%2e/fal-ai/other/requests/${REQUEST_ID}/status`,
    `https://queue.fal.run/fal-ai%2Fflux-kontext-lora`,
    `https://queue.fal.run/other/..%2F${ENDPOINT_ID}`,
    `https://queue.fal.run//${ENDPOINT_ID}`,
    `${QUEUE}//requests/${REQUEST_ID}`,
    `${QUEUE}/requests//${REQUEST_ID}`,
    `${QUEUE}/requests/${REQUEST_ID}//status`,
    `https://rest.fal.ai/storage/upload/../upload/initiate-multipart?storage_type=fal-cdn-v3`,
    `https://rest.fal.ai/storage/upload/initiate%2F..%2F..%2Ftokens?storage_type=fal-cdn-v3`,
    `https://rest.fal.ai//storage/upload/initiate?storage_type=fal-cdn-v3`,
  ];

  it.each(attempts)("never turns %s into an allowed target", (url) => {
    for (const method of ["GET", "POST", "PUT"]) {
      expect([400, 403], method).toContain(refused(url, method).status);
    }
  });

  it("lets dot segments that resolve inside the endpoint through only in canonical form", () => {
    expect(allowed(`https://queue.fal.run/fal-ai/x/../flux-kontext-lora`, "POST").path).toBe(
      `/${ENDPOINT_ID}`,
    );
    expect(allowed(`${REQUEST}/cancel/%2e%2e/status`, "GET")).toMatchObject({
      kind: "status",
      path: `/${ENDPOINT_ID}/requests/${REQUEST_ID}/status`,
    });
  });
});

describe("isAllowed", () => {
  it("tells allowed targets from refused ones", () => {
    expect(isAllowed(classifyTarget(QUEUE, "POST"))).toBe(true);
    expect(isAllowed(classifyTarget(QUEUE, "GET"))).toBe(false);
    expect(isAllowed(classifyTarget(null, "GET"))).toBe(false);
  });
});
