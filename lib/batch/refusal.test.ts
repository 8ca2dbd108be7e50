import { ApiError, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { toAppError } from "@/lib/browser/errors";
import { GuardRefusalError } from "@/lib/fal/guard-errors";
import { backoffMs, isRefusal } from "./refusal";

const guard = (
  status: number,
  code: "rate_limited" | "spend_limit" | "access_required",
  retry?: number,
) =>
  new GuardRefusalError(status, {
    code,
    message: `refused: ${code}`,
    detail: `refused: ${code}`,
    ...(retry === undefined ? {} : { retryAfterSeconds: retry }),
    ownKeyHelps: true,
  });

describe("isRefusal and backoffMs", () => {
  it("treat the guard's rate limit as a refusal, backing off for its Retry-After", () => {
    const error = toAppError(guard(429, "rate_limited", 12));
    expect(isRefusal(error)).toBe(true);
    expect(backoffMs(error)).toBe(12_000);
  });

  it("treat a spend-limit refusal as a refusal, backing off 30 s when it names no time", () => {
    const error = toAppError(guard(402, "spend_limit"));
    expect(isRefusal(error)).toBe(true);
    expect(backoffMs(error)).toBe(30_000);
  });

  it("treat fal's own 429 as a refusal", () => {
    const error = toAppError(
      new ApiError({ message: "Too Many Requests", status: 429, body: { detail: "Rate limited" } }),
    );
    expect(isRefusal(error)).toBe(true);
    expect(backoffMs(error)).toBe(30_000);
  });

  it("do not treat other failures as refusals: they fail the item", () => {
    expect(isRefusal(toAppError(guard(401, "access_required")))).toBe(false);
    expect(
      isRefusal(
        toAppError(
          new ValidationError({
            message: "bad",
            status: 422,
            body: { detail: [{ loc: ["body", "prompt"], msg: "required", type: "missing" }] },
          }),
        ),
      ),
    ).toBe(false);
    expect(isRefusal(toAppError(new ApiError({ message: "x", status: 500, body: {} })))).toBe(
      false,
    );
    expect(isRefusal(null)).toBe(false);
  });
});
