import { describe, expect, it } from "vitest";
import {
  clientAddress,
  clientFingerprint,
  PEER_ADDRESS_HEADER,
  UNKNOWN_CLIENT,
} from "./client-address";
import { getGuardSettings } from "./settings";

const none = getGuardSettings({});
const trusted = getGuardSettings({ KONTEXT_TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1" });
const headers = (peer: string | null, forwarded?: string) =>
  new Headers({
    ...(peer === null ? {} : { [PEER_ADDRESS_HEADER]: peer }),
    ...(forwarded ? { "x-forwarded-for": forwarded } : {}),
  });

describe("clientAddress", () => {
  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers("203.0.113.5", "1.1.1.1"), none)).toBe("203.0.113.5");
    expect(clientAddress(headers("::ffff:127.0.0.1", "1.1.1.1"), none)).toBe("127.0.0.1");
  });

  it("walks X-Forwarded-For from the right past trusted proxies", () => {
    expect(clientAddress(headers("10.0.0.2", "203.0.113.9"), trusted)).toBe("203.0.113.9");
    expect(clientAddress(headers("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.1.1.1"), trusted)).toBe(
      "203.0.113.9",
    );
    // An untrusted peer's forwarded-for is never read.
    expect(clientAddress(headers("198.51.100.4", "203.0.113.9"), trusted)).toBe("198.51.100.4");
    // A malformed entry stops at the proxy that passed it on.
    expect(clientAddress(headers("10.0.0.2", "garbage"), trusted)).toBe("10.0.0.2");
  });

  it("puts callers without a stamped peer address in one shared bucket", () => {
    expect(clientAddress(headers(null, "1.1.1.1"), trusted)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(headers("not-an-ip"), none)).toBe(UNKNOWN_CLIENT);
  });

  it("fingerprints without revealing the address", () => {
    const print = clientFingerprint("203.0.113.5");
    expect(print).toMatch(/^[0-9a-f]{12}$/);
    expect(print).toBe(clientFingerprint("203.0.113.5"));
    expect(print).not.toBe(clientFingerprint("203.0.113.6"));
  });
});
