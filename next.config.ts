import type { NextConfig } from "next";
import { HSTS_RULE, securityHeaderRules } from "./lib/server/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `next dev` would otherwise write a managed block into AGENTS.md.
  agentRules: false,
  // sharp is a native module: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["sharp"],
  // CSP, nosniff, Referrer-Policy on every response; HSTS over https (README: Public demo).
  headers: async () => [...securityHeaderRules(process.env.NODE_ENV !== "production"), HSTS_RULE],
};

export default nextConfig;
