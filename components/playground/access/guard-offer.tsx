"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import type { AppError } from "@/lib/domain/app-error";
import { requestAccessCode, requestOwnKey, useHasVisitorKey } from "./requests";

/**
 * The alert's way out of a refusal on the demo's key: "Enter access code" when a session is
 * missing, and "Use my own fal key" whenever the visitor's key would not be held to the limit.
 * Either retries the refused run once it succeeds.
 */
export function GuardOffer({ error, runId }: { error: AppError; runId: string | null }) {
  const hasKey = useHasVisitorKey();
  const retryRun = usePlaygroundStore((s) => s.retryRun);
  if (!error.guard || hasKey) return null;
  const onDone = runId ? () => void retryRun(runId) : undefined;
  return (
    <>
      {error.guard.code === "access_required" ? (
        <Button size="sm" variant="danger" onClick={() => requestAccessCode({ onDone })}>
          Enter access code
        </Button>
      ) : null}
      {error.guard.ownKeyHelps ? (
        <Button size="sm" variant="danger" onClick={() => requestOwnKey({ onDone })}>
          Use my own fal key
        </Button>
      ) : null}
    </>
  );
}
