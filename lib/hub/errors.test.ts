import { describe, expect, it } from "vitest";
import { HUB_ERROR_STATUS, HubError, hubErrorFromStatus, parseRetryAfter } from "./errors";

describe("hubErrorFromStatus", () => {
  const what = "the model fal/x";

  it("maps 404 to not_found", () => {
    const error = hubErrorFromStatus({ status: 404, errorCode: "RepoNotFound" }, what);
    expect(error.code).toBe("not_found");
    expect(error.status).toBe(404);
    expect(error.message).toBe(
      "The model fal/x is not on the Hub: check the spelling (it may have been deleted)",
    );
  });

  it("maps 401 to private (the Hub hides private and missing repositories alike)", () => {
    const error = hubErrorFromStatus({ status: 401, errorCode: "RepoNotFound" }, what);
    expect(error.code).toBe("private");
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/The model fal\/x is private or does not exist/);
  });

  it("maps a gated answer to gated, by header or by text", () => {
    expect(hubErrorFromStatus({ status: 403, errorCode: "GatedRepo" }, what).code).toBe("gated");
    expect(
      hubErrorFromStatus(
        { status: 403, text: '{"error":"Access to model fal/x is restricted."}' },
        what,
      ).code,
    ).toBe("gated");
    expect(hubErrorFromStatus({ status: 403 }, what).code).toBe("private");
  });

  it("maps 429 to hub_rate_limited with the Retry-After", () => {
    const error = hubErrorFromStatus({ status: 429, retryAfter: "30" }, what);
    expect(error.code).toBe("hub_rate_limited");
    expect(error.retryAfter).toBe(30);
    expect(error.message).toMatch(/in 30 s/);
    expect(error.toBody()).toEqual({
      code: "hub_rate_limited",
      message: error.message,
      retryAfter: 30,
    });
  });

  it("maps anything else to bad_answer", () => {
    expect(hubErrorFromStatus({ status: 500 }, what).code).toBe("bad_answer");
    expect(hubErrorFromStatus({ status: 418 }, what).status).toBe(502);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, capped at an hour", () => {
    expect(parseRetryAfter("12")).toBe(12);
    expect(parseRetryAfter("99999")).toBe(3_600);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:20 GMT", now)).toBe(20);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("HubError", () => {
  it("has a status for every code", () => {
    for (const [code, status] of Object.entries(HUB_ERROR_STATUS)) {
      expect(new HubError(code as keyof typeof HUB_ERROR_STATUS, "m").status).toBe(status);
    }
  });
});
