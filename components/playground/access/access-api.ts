import { asGuardError } from "@/lib/fal/guard-errors";
import { guardMessage } from "@/lib/fal/guard-messages";

const ACCESS_PATH = "/api/access";

/** Whether runs on the server's key need an access code, and whether this browser has a session. */
export interface AccessState {
  required: boolean;
  session: boolean;
}

/** `GET /api/access`; null when it cannot be read (the proxy's own 401 still asks later). */
export async function fetchAccessState(): Promise<AccessState | null> {
  try {
    const response = await fetch(ACCESS_PATH, { cache: "no-store" });
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<AccessState>;
    return { required: body.required === true, session: body.session === true };
  } catch {
    return null;
  }
}

/**
 * `POST /api/access` with the code: null once the session cookie is set, else a sentence for the
 * person (wrong code, too many attempts and when to try again, limits unavailable, offline).
 */
export async function submitAccessCode(code: string): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(ACCESS_PATH, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code }),
    });
  } catch {
    return "Could not reach the server. Check your connection and try again.";
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return null;
  const guard = asGuardError(body);
  if (guard) return guardMessage(guard);
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : `The code was refused (HTTP ${response.status})`;
}
