"use client";

import { useState } from "react";
import { SearchIcon } from "@/components/ui/action-icons";
import { Button } from "@/components/ui/button";
import { clientOnly } from "@/components/ui/on-demand";
import type { HubView } from "./hub-dialog";

// Loaded at first use: none of the Hub UI is in the first screen's bundle.
const HubDialog = clientOnly(() => import("./hub-dialog").then((m) => m.default));

/**
 * The library's way onto the Hugging Face Hub: "From Hugging Face…" (paste anything that names a
 * LoRA) and "Find Kontext LoRAs" (browse), both opening the Hub dialog.
 */
export function HubLauncher({
  onAdded,
  onTried,
}: {
  onAdded: (loraId: string) => void;
  /** "Try on my image" set up a sweep. */
  onTried?: () => void;
}) {
  const [view, setView] = useState<HubView | null>(null);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" variant="secondary" onClick={() => setView("paste")}>
        From Hugging Face…
      </Button>
      <Button size="sm" variant="secondary" onClick={() => setView("browse")}>
        <SearchIcon />
        Find Kontext LoRAs
      </Button>
      {view ? (
        <HubDialog
          initialView={view}
          onClose={() => setView(null)}
          onTried={onTried}
          onAdded={(loraId) => {
            setView(null);
            onAdded(loraId);
          }}
        />
      ) : null}
    </div>
  );
}
