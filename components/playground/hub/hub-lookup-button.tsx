"use client";

import { useState } from "react";
import { SearchIcon } from "@/components/ui/action-icons";
import { Button } from "@/components/ui/button";
import { clientOnly } from "@/components/ui/on-demand";

const HubDialog = clientOnly(() => import("./hub-dialog").then((m) => m.default));

/**
 * "Look up on Hugging Face" for a LoRA path that names a Hub repository: the Hub dialog opens on
 * that repository's details (trigger, licence, base model, files).
 */
export function HubLookupButton({
  reference,
  onAdded,
}: {
  reference: string;
  onAdded: (loraId: string) => void;
}) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="ghost" className="self-start" onClick={() => setIsOpen(true)}>
        <SearchIcon />
        Look up on Hugging Face
      </Button>
      {isOpen ? (
        <HubDialog
          initialView="paste"
          initialReference={reference}
          onClose={() => setIsOpen(false)}
          onAdded={(loraId) => {
            setIsOpen(false);
            onAdded(loraId);
          }}
        />
      ) : null}
    </>
  );
}
