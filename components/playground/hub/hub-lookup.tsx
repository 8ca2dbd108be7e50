"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { HubModelDetails } from "@/lib/hub/types";
import { fetchHubModel, type HubResult } from "./hub-api";
import { HubDetails } from "./hub-details";

/**
 * Reads one model's details from the server and shows them. A failure is said at the paste
 * field (`onError`) when the reference was pasted, else here.
 */
export function HubLookup({
  reference,
  onError,
  onBack,
  backLabel,
  onAdded,
  onTried,
}: {
  reference: string;
  onError?: (message: string) => void;
  onBack: () => void;
  backLabel: string;
  onAdded: (loraId: string) => void;
  onTried: () => void;
}) {
  const [result, setResult] = useState<HubResult<HubModelDetails> | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchHubModel(reference, controller.signal)
      .then((answer) => {
        setResult(answer);
        if (!answer.ok) onError?.(answer.message);
      })
      .catch(() => {
        // Aborted: a newer look-up replaced this one.
      });
    return () => controller.abort();
  }, [reference, onError]);

  const back = (
    <Button size="sm" variant="ghost" className="self-start" onClick={onBack}>
      ← {backLabel}
    </Button>
  );

  if (!result) {
    return (
      <output className="block text-sm text-neutral-600 dark:text-neutral-400">
        Reading the model card…
      </output>
    );
  }
  if (!result.ok) {
    // A pasted reference's problem is said at the field.
    if (onError) return null;
    return (
      <div className="flex flex-col gap-2">
        {back}
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {result.message}
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {back}
      <HubDetails details={result.value} onAdded={onAdded} onTried={onTried} />
    </div>
  );
}
