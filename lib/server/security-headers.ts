/**
 * The security headers every response carries (wired in next.config.ts). The share page may be
 * embedded in other sites (`frame-ancestors *`): an embeddable share card is a feature for demo
 * sharing, and the page has no actions a hidden frame could trigger. Every other page refuses
 * framing (`frame-ancestors 'none'`), which also protects the access-code and own-key prompts.
 */

type Header = { key: string; value: string };

/** The Content-Security-Policy. `isDev` adds what `next dev` needs (eval for React's debugging, websockets for HMR). */
export function contentSecurityPolicy(isDev: boolean, frameAncestors: string): string {
  return [
    "default-src 'self'",
    // Next inlines its bootstrap scripts; no unsafe-eval outside development.
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Results come from fal's CDN (any https host fal names), the local engine ('self'), and
    // blob:/data: previews; connect-src allows the proxy ('self'), direct uploads to the URL fal
    // hands out, and fetching results into the history cache.
    "img-src 'self' data: blob: https:",
    `connect-src 'self' https: blob: data:${isDev ? " ws: http://127.0.0.1:* http://localhost:*" : ""}`,
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** Header rules for next.config.ts `headers()`; the later rule wins for /share. */
export function securityHeaderRules(isDev: boolean): { source: string; headers: Header[] }[] {
  const common: Header[] = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
  return [
    {
      source: "/:path*",
      headers: [
        ...common,
        { key: "Content-Security-Policy", value: contentSecurityPolicy(isDev, "'none'") },
      ],
    },
    {
      source: "/share",
      headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy(isDev, "*") }],
    },
  ];
}

/** HSTS, sent only when the request came over https (as the proxy in front reports it). */
export const HSTS_RULE = {
  source: "/:path*",
  has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }],
  headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
};
