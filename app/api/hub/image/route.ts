import { hubHandlers } from "@/lib/hub/routes";

export const dynamic = "force-dynamic";

/** One model-card image from the Hub (for a library preview); see lib/hub/handlers.ts. */
export const GET = (request: Request): Promise<Response> => hubHandlers.image(request);
