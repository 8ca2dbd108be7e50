"use client";

import { useId, useState } from "react";
import { usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import type { HubModelDetails } from "@/lib/hub/types";
import {
  addHubLoraToLibrary,
  addHubLoraToStack,
  type HubActionResult,
  tryHubLora,
} from "./hub-actions";
import { TRY_SCALES } from "./hub-format";

/**
 * "Add to stack" (with the trigger offered), "Add to library" and "Try on my image" for the
 * weight file `file`; what happened is said underneath.
 */
export function HubDetailActions({
  details,
  file,
  onAdded,
  onTried,
}: {
  details: HubModelDetails;
  file: string | null;
  onAdded: (loraId: string) => void;
  onTried: () => void;
}) {
  const store = usePlaygroundStoreApi();
  const checkboxId = useId();
  const trigger = details.trigger?.text ?? "";
  // On whatever the prompt holds: the trigger becomes its first sentence, and can be undone.
  const [withTrigger, setWithTrigger] = useState(true);
  const [outcome, setOutcome] = useState<HubActionResult | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function act(
    action: (file: string) => Promise<HubActionResult>,
    then?: (result: HubActionResult & { ok: true }) => void,
  ) {
    if (!file) return;
    setIsBusy(true);
    try {
      const result = await action(file);
      setOutcome(result);
      if (result.ok) then?.(result);
    } finally {
      setIsBusy(false);
    }
  }

  if (!file) {
    return (
      <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
        This repository has no weight file the playground can use: {details.weights.reason}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2 rounded-lg bg-neutral-50 p-3 dark:bg-neutral-800/50">
      {trigger ? (
        <label htmlFor={checkboxId} className="flex items-start gap-2 text-sm">
          <input
            id={checkboxId}
            type="checkbox"
            checked={withTrigger}
            onChange={(event) => setWithTrigger(event.target.checked)}
            className="mt-0.5 accent-accent-600"
          />
          <span className="break-words">
            Also add the trigger <q>{trigger}</q> to the prompt
          </span>
        </label>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={isBusy}
          onClick={() =>
            void act(
              (path) => addHubLoraToStack(store, details, path, withTrigger && trigger !== ""),
              (result) => result.loraId && onAdded(result.loraId),
            )
          }
        >
          Add to stack
        </Button>
        <Button
          disabled={isBusy}
          onClick={() => void act((path) => addHubLoraToLibrary(store, details, path))}
        >
          Add to library
        </Button>
        <Button
          disabled={isBusy}
          aria-describedby={`${checkboxId}-try`}
          onClick={() => void act((path) => tryHubLora(store, details, path), onTried)}
        >
          Try on my image
        </Button>
      </div>
      <p id={`${checkboxId}-try`} className="text-xs text-neutral-600 dark:text-neutral-400">
        “Try on my image” sets up a sweep of its strength at {TRY_SCALES} in the Sweep panel, with
        its cost, ready to run.
      </p>
      <div aria-live="polite">
        {outcome ? (
          <p
            className={`text-sm font-medium ${outcome.ok ? "text-emerald-800 dark:text-emerald-300" : "text-red-700 dark:text-red-400"}`}
          >
            {outcome.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
