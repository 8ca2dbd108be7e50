import { ApiError, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { GuardRefusalError } from "@/lib/fal/guard-errors";
import {
  appError,
  isNothingToCancel,
  isRequestNotFound,
  raceAbort,
  summarizeFieldErrors,
  toAppError,
} from "./errors";

const api = (status: number, body: unknown, message = "HTTP error") =>
  new ApiError({ message, status, body, requestId: "req-1" });

describe("toAppError", () => {
  it("turns a 422 into field errors keyed by path without `body`", () => {
    const error = toAppError(
      new ValidationError({
        message: "Unprocessable Entity",
        status: 422,
        body: {
          detail: [
            { loc: ["body", "loras", 0, "scale"], msg: "scale must be at most 4", type: "x" },
            { loc: ["body", "prompt"], msg: "prompt is required", type: "x" },
            { loc: ["body", "prompt"], msg: "a second prompt error", type: "x" },
          ],
        },
        requestId: "req-9",
      }),
    );
    expect(error).toEqual({
      kind: "validation",
      message: "loras.0.scale: scale must be at most 4; prompt is required",
      fieldErrors: {
        "loras.0.scale": "scale must be at most 4",
        prompt: "prompt is required",
      },
      requestId: "req-9",
      isRetryable: false,
    });
  });

  it("keys a 422 without field paths as `input`", () => {
    const error = toAppError(
      new ValidationError({ message: "Unprocessable", status: 422, body: { detail: "Bad image" } }),
    );
    expect(error.fieldErrors).toEqual({ input: "Bad image" });
  });

  it("maps statuses to kinds", () => {
    expect(toAppError(api(401, {}))).toMatchObject({ kind: "auth", isRetryable: true });
    expect(toAppError(api(403, {})).kind).toBe("auth");
    expect(toAppError(api(429, {})).kind).toBe("rate_limit");
    expect(toAppError(api(503, { detail: "FAL_KEY is not set on the server" }))).toMatchObject({
      kind: "config",
      isRetryable: false,
    });
    expect(toAppError(api(503, { detail: "Overloaded" })).kind).toBe("upstream");
    expect(toAppError(api(500, {})).kind).toBe("upstream");
  });

  it("never guesses a cancel from a 400's text", () => {
    const error = toAppError(api(400, { detail: "The request was cancelled" }));
    expect(error.kind).toBe("upstream");
    expect(error.message).toBe("The request was cancelled (HTTP 400)");
  });

  it("maps AbortError to cancelled and TypeError to network", () => {
    expect(toAppError(new DOMException("Aborted", "AbortError")).kind).toBe("cancelled");
    expect(toAppError(new TypeError("Failed to fetch"))).toMatchObject({
      kind: "network",
      message: "Could not reach the server: Failed to fetch",
    });
    expect(toAppError(new Error("odd"))).toMatchObject({ kind: "upstream", message: "odd" });
    expect(toAppError("thrown string").message).toBe("Something went wrong");
  });

  it("takes the message from body.message, else a string body.detail, else the error", () => {
    expect(toAppError(api(502, { message: "from message", detail: "from detail" })).message).toBe(
      "from message (HTTP 502)",
    );
    expect(toAppError(api(502, { detail: "from detail" })).message).toBe("from detail (HTTP 502)");
    expect(toAppError(api(502, { detail: [{ msg: "x" }] }, "Bad Gateway")).message).toBe(
      "Bad Gateway (HTTP 502)",
    );
    expect(toAppError(api(502, undefined, "Bad Gateway")).message).toBe("Bad Gateway (HTTP 502)");
    expect(toAppError(api(502, {})).requestId).toBe("req-1");
  });
});

describe("cancel answers", () => {
  it("recognizes ALREADY_COMPLETED and NOT_FOUND as nothing to cancel", () => {
    expect(isNothingToCancel(api(400, { status: "ALREADY_COMPLETED" }))).toBe(true);
    expect(isNothingToCancel(api(404, { status: "NOT_FOUND" }))).toBe(true);
    expect(isNothingToCancel(api(400, { detail: "bad" }))).toBe(false);
    expect(isNothingToCancel(api(500, { status: "ALREADY_COMPLETED" }))).toBe(false);
    expect(isNothingToCancel(new TypeError("Failed to fetch"))).toBe(false);
  });

  it("tells a 404 for the request from a 404 for a route", () => {
    expect(isRequestNotFound(api(404, { detail: "Request req-1 not found" }), "req-1")).toBe(true);
    expect(isRequestNotFound(api(404, { status: "NOT_FOUND" }), "req-1")).toBe(true);
    expect(isRequestNotFound(api(404, undefined, "HTTP 404: Not Found"), "req-1")).toBe(false);
    expect(isRequestNotFound(api(400, { detail: "Request req-1 not found" }), "req-1")).toBe(false);
  });
});

describe("helpers", () => {
  it("builds errors and summaries", () => {
    expect(appError("validation", "x").isRetryable).toBe(false);
    expect(appError("network", "x").isRetryable).toBe(true);
    expect(summarizeFieldErrors({ prompt: "prompt is required", seed: "too big" })).toBe(
      "prompt is required; seed: too big",
    );
  });

  it("stops waiting when the signal aborts", async () => {
    const controller = new AbortController();
    const waiting = raceAbort(new Promise<string>(() => {}), controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    await expect(raceAbort(Promise.resolve("ok"), new AbortController().signal)).resolves.toBe(
      "ok",
    );
    await expect(raceAbort(Promise.resolve("ok"), controller.signal)).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});

describe("toAppError for the demo guard's refusals", () => {
  it("keeps the guard's code and offer, in plain words, for a 429 rate_limited", () => {
    const error = toAppError(
      api(429, {
        code: "rate_limited",
        message: "Rate limit reached",
        detail: "Rate limit reached",
        retryAfterSeconds: 90,
        ownKeyHelps: true,
      }),
    );
    expect(error).toMatchObject({
      kind: "rate_limit",
      message: "Too many runs — try again in 2 minutes.",
      guard: { code: "rate_limited", ownKeyHelps: true },
      isRetryable: true,
    });
  });

  it("marks a 401 access_required as auth with the guard code", () => {
    const error = toAppError(
      api(401, { code: "access_required", message: "x", detail: "x", ownKeyHelps: true }),
    );
    expect(error.kind).toBe("auth");
    expect(error.guard).toEqual({ code: "access_required", ownKeyHelps: true });
  });

  it("names the budget on a 402 spend_limit and explains a 503 limits_unavailable", () => {
    const spend = toAppError(
      api(402, {
        code: "spend_limit",
        message: "x",
        detail: "x",
        budget: { limitUsd: 5, window: "day", remainingUsd: 0, priceUsd: 0.07 },
        ownKeyHelps: true,
      }),
    );
    expect(spend.message).toMatch(/budget of \$5\.00 per day/);
    expect(spend.guard?.code).toBe("spend_limit");
    const down = toAppError(
      api(503, { code: "limits_unavailable", message: "x", detail: "x", ownKeyHelps: true }),
    );
    expect(down).toMatchObject({ kind: "upstream", guard: { code: "limits_unavailable" } });
    expect(down.message).toMatch(/usage limits/);
  });

  it("leaves other errors without a guard", () => {
    expect(toAppError(api(429, { detail: "slow down" })).guard).toBeUndefined();
  });
});

describe("toAppError for a GuardRefusalError (the playground client's unretried refusal)", () => {
  it("says the spend limit in plain words and keeps the offer", () => {
    const error = toAppError(
      new GuardRefusalError(402, {
        code: "spend_limit",
        message: "Spend limit reached",
        detail: "Spend limit reached",
        retryAfterSeconds: 3600,
        budget: { limitUsd: 2, window: "hour", remainingUsd: 0.01, priceUsd: 0.035 },
        ownKeyHelps: true,
      }),
    );
    expect(error).toMatchObject({
      kind: "rate_limit",
      message:
        "This run ($0.035) does not fit in the demo's budget of $2.00 per hour ($0.01 left) — try again in 60 minutes.",
      guard: { code: "spend_limit", ownKeyHelps: true },
    });
  });
});
