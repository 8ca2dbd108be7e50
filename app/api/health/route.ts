import { describeBackend } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export function GET(): Response {
  const health = describeBackend();
  return Response.json(health, { status: health.ok ? 200 : 503 });
}
