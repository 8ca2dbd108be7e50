"use client";

import dynamic from "next/dynamic";

// Only the fal backend shows the header's key control (rendered by the server, hydrated with its
// code); on the local engine the page never loads it or its dialog.
export const OwnKeyControl = dynamic(() =>
  import("./own-key-control").then((m) => m.OwnKeyControl),
);
