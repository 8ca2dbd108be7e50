"use client";

import { GuardOffer } from "@/components/playground/access/guard-offer";
import { Button } from "@/components/ui/button";
import { canRetryRun } from "@/lib/domain/run";
import { usePlaygroundStore } from "./store-provider";

const TITLES = {
  run: "The run failed: ",
  cancel: "Could not cancel run: ",
  // The message says it all ("Your browser's storage is full: history could not be saved …").
  history: "",
} as const;

/** The failure `AlertBanner` shows, with a retry when it may help. */
export function AlertMessage() {
  const alert = usePlaygroundStore((s) => s.alert);
  const canRetry = usePlaygroundStore((s) => {
    if (s.alert?.topic !== "run" || !s.alert.runId) return false;
    const runId = s.alert.runId;
    const run = s.runs.find((candidate) => candidate.id === runId);
    return run ? canRetryRun(run) : false;
  });
  const retryRun = usePlaygroundStore((s) => s.retryRun);
  const dismissAlert = usePlaygroundStore((s) => s.dismissAlert);
  if (!alert) return null;
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <p className="min-w-0 flex-1 break-words">
        <span className="font-semibold">{TITLES[alert.topic]}</span>
        {alert.error.message}
        {alert.error.requestId ? (
          <span className="block text-xs opacity-80">Request id {alert.error.requestId}</span>
        ) : null}
      </p>
      <div className="flex flex-wrap gap-2">
        <GuardOffer error={alert.error} runId={alert.runId} />
        {canRetry && alert.runId ? (
          <Button
            size="sm"
            variant="danger"
            onClick={() => alert.runId && void retryRun(alert.runId)}
          >
            Retry
          </Button>
        ) : null}
        <Button size="sm" variant="ghost" onClick={dismissAlert}>
          Dismiss
        </Button>
      </div>
    </div>
  );
}
