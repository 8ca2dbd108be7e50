import { getGuard } from "@/lib/server/guard/guard";
import { describeBackend } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = describeBackend();
  // Limits and spend totals on the server's key (never the access code or the Redis address).
  const guard = health.ok && health.backend === "fal" ? await getGuard().describe() : null;
  return Response.json(
    { ...health, ...(guard ? { guard } : {}) },
    { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
