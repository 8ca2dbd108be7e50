import { describe, expect, it } from "vitest";
import { callerOrigin } from "./origin";

function request(headers: Record<string, string>) {
  return new Request("http://localhost:3000/api/fal/proxy", { headers });
}

describe("callerOrigin", () => {
  it("uses the Host the caller connected to, so other machines get URLs they can open", () => {
    expect(callerOrigin(request({ host: "192.168.1.20:3000" }))).toBe("http://192.168.1.20:3000");
    expect(callerOrigin(request({ host: "[::1]:3000" }))).toBe("http://[::1]:3000");
  });

  it("honours the scheme a reverse proxy reports", () => {
    expect(
      callerOrigin(request({ host: "kontext.example.com", "x-forwarded-proto": "https" })),
    ).toBe("https://kontext.example.com");
  });

  it("falls back to the request URL for a malformed Host", () => {
    expect(callerOrigin(request({ host: "evil.com/path?x" }))).toBe("http://localhost:3000");
    expect(callerOrigin(request({ host: "a b" }))).toBe("http://localhost:3000");
  });
});
