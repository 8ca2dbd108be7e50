import "server-only";
import { readBodyWithLimit } from "@/lib/server/body";
import { ConfigError } from "@/lib/server/config";
import {
  isAccessCode,
  isHttps,
  isValidSession,
  newSessionToken,
  sessionCookie,
  sessionToken,
} from "./access";
import { clientAddress } from "./client-address";
import { guardError, inTime, retrySeconds } from "./responses";
import { getGuardSettings } from "./settings";
import { getGuardStore, LimitsUnavailableError } from "./store";

/** Wrong codes allowed per client per {@link ATTEMPT_WINDOW_SECONDS}. */
export const MAX_CODE_ATTEMPTS = 5;
export const ATTEMPT_WINDOW_SECONDS = 15 * 60;

type Env = Record<string, string | undefined>;

/** What `GET /api/access` answers: whether runs on the server's key need a code, and if this browser has a session. */
export interface AccessState {
  required: boolean;
  session: boolean;
}

function state(request: Request, env: Env): AccessState {
  const code = getGuardSettings(env).accessCode;
  return {
    required: code !== null,
    session: code !== null && isValidSession(code, sessionToken(request.headers)),
  };
}

function noStore(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/**
 * `/api/access`: GET tells whether an access code is needed and whether this browser has a
 * session; POST `{"code": "…"}` starts a session (an HttpOnly, SameSite=Strict cookie, Secure
 * over https, signed and never containing the code); DELETE ends it. Wrong codes are limited
 * per client; cross-site and non-JSON posts are refused.
 */
export function createAccessHandlers(env: Env = process.env) {
  const wrap =
    (handle: (request: Request) => Promise<Response>) =>
    async (request: Request): Promise<Response> => {
      try {
        return await handle(request);
      } catch (error) {
        if (error instanceof ConfigError)
          return noStore({ message: error.message, detail: error.message }, 503);
        if (error instanceof LimitsUnavailableError) {
          return guardError(
            "limits_unavailable",
            "Access codes cannot be checked right now: the usage counters (Redis) cannot be reached. Try again shortly.",
            { retryAfterSeconds: 5 },
          );
        }
        throw error;
      }
    };
  return {
    GET: wrap(async (request) => noStore(state(request, env))),
    DELETE: wrap(async (request) => {
      const response = noStore({ required: state(request, env).required, session: false });
      response.headers.set("set-cookie", sessionCookie("", isHttps(request), 0));
      return response;
    }),
    POST: wrap(async (request) => {
      if (request.headers.get("sec-fetch-site") === "cross-site") {
        return noStore(
          { message: "Cross-site requests are refused", detail: "Cross-site requests are refused" },
          403,
        );
      }
      const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
      if (type !== "application/json") {
        const message = "Send the code as JSON: Content-Type: application/json";
        return noStore({ message, detail: message }, 415);
      }
      const settings = getGuardSettings(env);
      const code = settings.accessCode;
      if (!code) return noStore({ required: false, session: false });
      const read = await readBodyWithLimit(request, 4096);
      let given: unknown;
      try {
        given = read.ok
          ? (JSON.parse(new TextDecoder().decode(read.bytes)) as { code?: unknown })?.code
          : undefined;
      } catch {
        given = undefined;
      }
      const client = clientAddress(request.headers, settings);
      const attempts = getGuardStore(settings.redisUrl).counter(
        "access-attempts",
        MAX_CODE_ATTEMPTS,
        ATTEMPT_WINDOW_SECONDS,
      );
      const seen = await attempts.peek(client);
      if (seen.consumed >= MAX_CODE_ATTEMPTS) {
        const seconds = retrySeconds(seen.msBeforeNext);
        return guardError(
          "access_attempts",
          `Too many wrong access codes from this address. Try again ${inTime(seconds)}.`,
          { retryAfterSeconds: seconds },
        );
      }
      if (!isAccessCode(code, given)) {
        await attempts.take(client, 1);
        const message =
          typeof given === "string"
            ? "That access code is not right"
            : 'Send the access code as {"code": "…"}';
        return guardError("access_denied", message);
      }
      const response = noStore({ required: true, session: true });
      response.headers.set("set-cookie", sessionCookie(newSessionToken(code), isHttps(request)));
      return response;
    }),
  };
}
