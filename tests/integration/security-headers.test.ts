import { describe, expect, inject, it } from "vitest";

const appUrl = inject("localAppUrl");

function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? "").split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")] as [string, string];
    }),
  );
}

describe("security headers (built server)", () => {
  it("sends a CSP without unsafe-eval, nosniff and a Referrer-Policy on pages and API routes", async () => {
    for (const route of ["/", "/api/health", "/api/access"]) {
      const response = await fetch(`${appUrl}${route}`);
      expect(response.status, route).toBe(200);
      const csp = directives(response.headers.get("content-security-policy"));
      expect(csp.get("script-src"), route).toBe("'self' 'unsafe-inline'");
      expect(csp.get("object-src"), route).toBe("'none'");
      expect(csp.get("base-uri"), route).toBe("'self'");
      expect(csp.get("frame-ancestors"), route).toBe("'none'");
      expect(csp.get("img-src"), route).toContain("blob:");
      expect(response.headers.get("x-content-type-options"), route).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), route).toBe(
        "strict-origin-when-cross-origin",
      );
      expect(response.headers.get("strict-transport-security"), route).toBeNull();
    }
  });

  it("lets only the share page be embedded", async () => {
    const share = await fetch(`${appUrl}/share`);
    expect(directives(share.headers.get("content-security-policy")).get("frame-ancestors")).toBe(
      "*",
    );
    expect(share.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("adds HSTS when the request came over https", async () => {
    const response = await fetch(`${appUrl}/`, { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });
});
