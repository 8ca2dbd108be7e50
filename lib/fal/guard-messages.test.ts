import { describe, expect, it } from "vitest";
import type { GuardErrorBody } from "./guard-errors";
import { formatWait, guardMessage } from "./guard-messages";

const body = (extra: Partial<GuardErrorBody> & Pick<GuardErrorBody, "code">): GuardErrorBody => ({
  message: "server words",
  detail: "server words",
  ownKeyHelps: true,
  ...extra,
});

describe("formatWait", () => {
  it("rounds up to seconds, minutes or hours", () => {
    expect(formatWait(1)).toBe("1 second");
    expect(formatWait(0.2)).toBe("1 second");
    expect(formatWait(59)).toBe("59 seconds");
    expect(formatWait(60)).toBe("1 minute");
    expect(formatWait(61)).toBe("2 minutes");
    expect(formatWait(7199)).toBe("120 minutes");
    expect(formatWait(7200)).toBe("2 hours");
    expect(formatWait(7201)).toBe("3 hours");
  });
});

describe("guardMessage", () => {
  it("says when to try again after too many runs, from retryAfterSeconds", () => {
    expect(guardMessage(body({ code: "rate_limited", retryAfterSeconds: 170 }))).toBe(
      "Too many runs — try again in 3 minutes.",
    );
    expect(guardMessage(body({ code: "rate_limited" }))).toBe("Too many runs — try again later.");
  });

  it("names the budget a run does not fit in", () => {
    const text = guardMessage(
      body({
        code: "spend_limit",
        retryAfterSeconds: 3 * 3600,
        budget: { limitUsd: 5, window: "day", remainingUsd: 0.03, priceUsd: 0.07 },
      }),
    );
    expect(text).toBe(
      "This run ($0.07) does not fit in the demo's budget of $5.00 per day ($0.03 left) — try again in 3 hours.",
    );
  });

  it("explains the access code refusals and paused limits in plain words", () => {
    expect(guardMessage(body({ code: "access_required" }))).toMatch(/needs an access code/);
    expect(guardMessage(body({ code: "access_denied" }))).toMatch(/not right/);
    expect(guardMessage(body({ code: "access_attempts", retryAfterSeconds: 900 }))).toBe(
      "Too many wrong codes — try again in 15 minutes.",
    );
    expect(guardMessage(body({ code: "limits_unavailable" }))).toMatch(/paused/);
  });
});
