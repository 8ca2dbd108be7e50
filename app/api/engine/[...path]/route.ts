import { handleEngineRequest } from "@/lib/engine/http";
import { getLocalEngine } from "@/lib/engine/instance";
import { getBackend } from "@/lib/server/config";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ path: string[] }>;
}

async function handle(request: Request, { params }: Context): Promise<Response> {
  if (getBackend() !== "local") {
    return Response.json(
      { detail: "The local engine is off: the active backend is fal" },
      { status: 404 },
    );
  }
  return handleEngineRequest(request, (await params).path, getLocalEngine());
}

export { handle as GET, handle as HEAD, handle as OPTIONS, handle as POST, handle as PUT };
