import { hubHandlers } from "@/lib/hub/routes";

export const dynamic = "force-dynamic";

/** Kontext LoRAs on the Hub, a page at a time; the contract is documented in lib/hub/handlers.ts. */
export const GET = (request: Request): Promise<Response> => hubHandlers.search(request);
