import "server-only";
import type { KontextRequest } from "@/lib/kontext/schema";
import { isValidSession, sessionToken } from "./access";
import { clientAddress, clientFingerprint } from "./client-address";
import { guardError, inTime, retrySeconds } from "./responses";
import { type GuardSettings, getGuardSettings } from "./settings";
import { predictSpend, resultMills, usd } from "./spend-price";
import { type GuardStore, getGuardStore, LimitsUnavailableError } from "./store";

/** Submits per minute per client on a visitor's own key: a generous limit against abuse only. */
export const OWN_KEY_SUBMITS_PER_MINUTE = 120;
/** How long a spend reservation waits for its result before it simply stays counted. */
const RESERVATION_TTL_SECONDS = 2 * 86_400;
const SPEND_KEY = "server-key";

type Env = Record<string, string | undefined>;

/** A submit that may go ahead, and what to record once the upstream has answered. */
export interface Admission {
  fingerprint: string;
  isOwnKey: boolean;
  /** Present when KONTEXT_SPEND_LIMIT is set and the run is on the server's key. */
  spend?: { reservedMills: number; isWorstCase: boolean; windowEndsAt: number };
}

interface Reservation {
  client: string;
  reservedMills: number;
  windowEndsAt: number;
}

/** The guard in front of the server's key, as configured by the environment. */
export class Guard {
  readonly store: GuardStore;

  constructor(readonly settings: GuardSettings) {
    this.store = getGuardStore(settings.redisUrl);
  }

  /** 401 when an access code is set and the request carries no valid session; else null. */
  checkAccess(request: Request): Response | null {
    const code = this.settings.accessCode;
    if (!code || isValidSession(code, sessionToken(request.headers))) return null;
    return guardError(
      "access_required",
      "This playground needs an access code: enter it (POST /api/access) or use your own fal key",
    );
  }

  /** Counts a submit against the quota and the spend cap; a refusal Response, or an Admission. */
  async admitSubmit(request: Request, input: KontextRequest, isOwnKey: boolean) {
    const client = clientAddress(request.headers, this.settings);
    const fingerprint = clientFingerprint(client);
    try {
      if (isOwnKey) {
        const counter = getGuardStore(null).counter("own-key", OWN_KEY_SUBMITS_PER_MINUTE, 60);
        const count = await counter.take(client, 1);
        if (!count.ok)
          return this.rateLimited(count.msBeforeNext, OWN_KEY_SUBMITS_PER_MINUTE, "minute");
        return { fingerprint, isOwnKey } satisfies Admission;
      }
      const rate = this.settings.rateLimit;
      if (rate) {
        const counter = this.store.counter("rate", rate.submits, rate.window.seconds);
        const count = await counter.take(client, 1);
        if (!count.ok) return this.rateLimited(count.msBeforeNext, rate.submits, rate.window.name);
      }
      const limit = this.settings.spendLimit;
      if (!limit) return { fingerprint, isOwnKey } satisfies Admission;
      const prediction = predictSpend(input);
      const counter = this.store.counter("spend", limit.mills, limit.window.seconds);
      const count = await counter.take(SPEND_KEY, prediction.reservedMills);
      if (!count.ok) {
        const seconds = retrySeconds(count.msBeforeNext);
        const remaining = Math.max(0, limit.mills - count.consumed);
        return guardError(
          "spend_limit",
          `This run would cost up to $${usd(prediction.reservedMills).toFixed(3)}, more than the $${usd(remaining).toFixed(3)} left of this playground's $${usd(limit.mills)} per ${limit.window.name} budget on its fal key. The budget renews ${inTime(seconds)}; or use your own fal key.`,
          {
            retryAfterSeconds: seconds,
            budget: {
              limitUsd: usd(limit.mills),
              window: limit.window.name as "hour" | "day",
              remainingUsd: usd(remaining),
              priceUsd: usd(prediction.reservedMills),
            },
          },
        );
      }
      return {
        fingerprint,
        isOwnKey,
        spend: { ...prediction, windowEndsAt: Date.now() + count.msBeforeNext },
      } satisfies Admission;
    } catch (error) {
      if (error instanceof LimitsUnavailableError) return unavailable();
      throw error;
    }
  }

  /** After the upstream answered a submit: keep the reservation by request id and log the run. */
  async recordSubmit(admission: Admission, response: Response): Promise<void> {
    let requestId: string | null = null;
    if (response.ok) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as { request_id?: unknown };
      if (typeof body?.request_id === "string") requestId = body.request_id.slice(0, 64);
    }
    const spend = admission.spend;
    if (spend && this.settings.spendLimit) {
      try {
        if (!requestId) {
          // Nothing was queued, so nothing will be billed: give the reservation back.
          await this.spendCounter().adjust(SPEND_KEY, -spend.reservedMills);
        } else {
          const record: Reservation = {
            client: admission.fingerprint,
            reservedMills: spend.reservedMills,
            windowEndsAt: spend.windowEndsAt,
          };
          await this.store
            .ledger("spend-reservation")
            .put(requestId, JSON.stringify(record), RESERVATION_TTL_SECONDS);
        }
      } catch (error) {
        console.error(`kontext guard: could not record a reservation: ${String(error)}`);
      }
    }
    logLine({
      event: "kontext.submit",
      client: admission.fingerprint,
      key: admission.isOwnKey ? "visitor" : "server",
      requestId,
      status: response.status,
      ...(spend
        ? { predictedUsd: usd(spend.reservedMills), worstCaseReserved: spend.isWorstCase }
        : {}),
    });
  }

  /** True when result bodies are read to settle spend reservations (a spend limit is set). */
  get settlesResults(): boolean {
    return this.settings.spendLimit !== null;
  }

  /**
   * After a result passed through: settle its reservation to the real output size. `copy` is a
   * clone of the successful result response; it is always consumed or cancelled.
   */
  async settleResult(requestId: string, copy: Response): Promise<void> {
    try {
      const raw = await this.store.ledger("spend-reservation").take(requestId);
      if (!raw) {
        await copy.body?.cancel();
        return;
      }
      const record = JSON.parse(raw) as Reservation;
      const real = resultMills(await copy.json().catch(() => null));
      if (real === null) return;
      if (Date.now() < record.windowEndsAt) {
        await this.spendCounter().adjust(SPEND_KEY, real - record.reservedMills);
      }
      logLine({
        event: "kontext.settle",
        client: record.client,
        requestId,
        predictedUsd: usd(record.reservedMills),
        settledUsd: usd(real),
      });
    } catch (error) {
      await copy.body?.cancel().catch(() => {});
      console.error(`kontext guard: could not settle ${requestId}: ${String(error)}`);
    }
  }

  /** What health reports: limits and totals, never the code or the store's address. */
  async describe() {
    const { rateLimit, spendLimit, accessCode } = this.settings;
    const base = {
      accessCodeRequired: Boolean(accessCode),
      rateLimit: rateLimit ? `${rateLimit.submits}/${rateLimit.window.name}` : null,
      counters: this.store.kind,
      countersReachable: await this.store.ping(),
    };
    if (!spendLimit) return { ...base, spend: null };
    const spent = await this.spendCounter()
      .peek(SPEND_KEY)
      .catch(() => null);
    return {
      ...base,
      spend: {
        limitUsd: usd(spendLimit.mills),
        window: spendLimit.window.name,
        spentUsd: spent ? usd(Math.max(0, spent.consumed)) : null,
        remainingUsd: spent ? usd(Math.max(0, spendLimit.mills - spent.consumed)) : null,
        windowEndsAt:
          spent && spent.msBeforeNext > 0
            ? new Date(Date.now() + spent.msBeforeNext).toISOString()
            : null,
      },
    };
  }

  private spendCounter() {
    const limit = this.settings.spendLimit;
    if (!limit) throw new Error("no spend limit");
    return this.store.counter("spend", limit.mills, limit.window.seconds);
  }

  private rateLimited(ms: number, submits: number, window: string): Response {
    const seconds = retrySeconds(ms);
    return guardError(
      "rate_limited",
      `Too many runs: this playground allows ${submits} per ${window} per visitor on its fal key. Try again ${inTime(seconds)}, or use your own fal key.`,
      { retryAfterSeconds: seconds },
    );
  }
}

function unavailable(): Response {
  return guardError(
    "limits_unavailable",
    "Runs on this playground's fal key are paused: its usage counters (Redis) cannot be reached. Try again shortly, or use your own fal key.",
    { retryAfterSeconds: 5 },
  );
}

function logLine(fields: Record<string, unknown>): void {
  console.log(JSON.stringify({ at: new Date().toISOString(), ...fields }));
}

/** The guard for this environment (settings are re-read per call; stores are shared). */
export function getGuard(env: Env = process.env): Guard {
  return new Guard(getGuardSettings(env));
}
