import "server-only";
import { createHubHandlers } from "./handlers";

/** The process-wide Hub route handlers (one cache and one limiter), used by `app/api/hub/*`. */
export const hubHandlers = createHubHandlers();
