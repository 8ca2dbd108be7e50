"use client";

import { onDemand } from "@/components/ui/on-demand";

// Only the fal backend shows the header's key control (rendered by the server, hydrated once its
// code has loaded); on the local engine the page never loads it or its dialog.
export const OwnKeyControl = onDemand(() =>
  import("./own-key-control").then((m) => m.OwnKeyControl),
).Component;
