import { createAccessHandlers } from "@/lib/server/guard/access-route";

export const dynamic = "force-dynamic";

export const { GET, POST, DELETE } = createAccessHandlers();
