import { describe, expect, it } from "vitest";
import {
  isAccessCode,
  isValidSession,
  newSessionToken,
  sessionCookie,
  sessionToken,
} from "./access";

const CODE = "correct-horse-7";

describe("access sessions", () => {
  it("signs sessions for the code without containing it, and expires them", () => {
    const now = 1_700_000_000_000;
    const token = newSessionToken(CODE, now);
    expect(token).not.toContain(CODE);
    expect(isValidSession(CODE, token, now + 1000)).toBe(true);
    expect(isValidSession("another-code", token, now + 1000)).toBe(false);
    expect(isValidSession(CODE, token, now + 13 * 3600 * 1000)).toBe(false);
    expect(isValidSession(CODE, `${token.slice(0, -2)}xx`, now)).toBe(false);
    expect(isValidSession(CODE, `9999999999999${token.slice(13)}`, now)).toBe(false);
    expect(isValidSession(CODE, undefined)).toBe(false);
    expect(newSessionToken(CODE, now)).not.toBe(token);
  });

  it("compares codes exactly (after trimming) and refuses non-strings", () => {
    expect(isAccessCode(CODE, ` ${CODE} `)).toBe(true);
    expect(isAccessCode(CODE, CODE.toUpperCase())).toBe(false);
    expect(isAccessCode(CODE, 42)).toBe(false);
  });

  it("writes an HttpOnly SameSite=Strict cookie, Secure over https, and reads it back", () => {
    expect(sessionCookie("t", false)).toBe(
      "kontext_access=t; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict",
    );
    expect(sessionCookie("t", true)).toMatch(/; Secure$/);
    expect(sessionToken(new Headers({ cookie: "a=1; kontext_access=x.y.z; b=2" }))).toBe("x.y.z");
  });
});
