import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `next dev` would otherwise write a managed block into AGENTS.md.
  agentRules: false,
  // sharp is a native module: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["sharp"],
};

export default nextConfig;
