import { formatUsd } from "@/lib/kontext/pricing";
import type { GuardErrorBody } from "./guard-errors";

/**
 * "30 seconds", "1 minute", "5 minutes", "3 hours": how long until `seconds` have passed, rounded
 * up to the unit a person would use (seconds under a minute, minutes under two hours, else hours).
 */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return plural(s, "second");
  if (s < 2 * 3600) return plural(Math.ceil(s / 60), "minute");
  return plural(Math.ceil(s / 3600), "hour");
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** "try again in 5 minutes", or "try again later" when the server named no wait. */
function tryAgain(body: GuardErrorBody): string {
  const wait = body.retryAfterSeconds;
  return typeof wait === "number" && Number.isFinite(wait) && wait > 0
    ? `try again in ${formatWait(wait)}`
    : "try again later";
}

/**
 * A guard refusal in plain words for the alert and the access dialog: when to try again (from
 * `retryAfterSeconds`), which budget is used up, or that the limits cannot be checked.
 */
export function guardMessage(body: GuardErrorBody): string {
  switch (body.code) {
    case "access_required":
      return "This demo needs an access code to run on its key.";
    case "access_denied":
      return "That access code is not right. Check it and try again.";
    case "access_attempts":
      return `Too many wrong codes — ${tryAgain(body)}.`;
    case "rate_limited":
      return `Too many runs — ${tryAgain(body)}.`;
    case "spend_limit": {
      const budget = body.budget;
      if (!budget) return `This demo's spending budget is used up — ${tryAgain(body)}.`;
      return (
        `This run (${formatUsd(budget.priceUsd)}) does not fit in the demo's budget of ` +
        `${formatUsd(budget.limitUsd)} per ${budget.window} (${formatUsd(budget.remainingUsd)} ` +
        `left) — ${tryAgain(body)}.`
      );
    }
    case "limits_unavailable":
      return "The demo cannot check its usage limits right now, so runs on its key are paused — try again in a moment.";
  }
}
