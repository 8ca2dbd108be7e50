import { hubHandlers } from "@/lib/hub/routes";

export const dynamic = "force-dynamic";

/** LoRA details from the Hub; the contract is documented in lib/hub/handlers.ts. */
export const GET = (request: Request): Promise<Response> => hubHandlers.model(request);
