import { createProxyHandlers } from "@/lib/proxy/handler";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT } = createProxyHandlers();
