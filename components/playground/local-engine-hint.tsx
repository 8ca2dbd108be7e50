"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

const DISMISSED_KEY = "kontext-playground:local-hint-dismissed";

/** First-run hint on the local engine: what it is and how to connect fal. Dismissal is remembered. */
export function LocalEngineHint() {
  const [isDismissed, setIsDismissed] = useState(true);
  useEffect(() => {
    setIsDismissed(window.localStorage.getItem(DISMISSED_KEY) === "1");
  }, []);
  if (isDismissed) return null;
  return (
    <aside
      aria-label="About the local engine"
      className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <p className="min-w-0 flex-1">
        You are on the built-in local engine: results are a preview made on this machine, not FLUX.
        To run the real model, start the server with <code className="font-mono">FAL_KEY</code> set
        to your fal.ai key.
      </p>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          window.localStorage.setItem(DISMISSED_KEY, "1");
          setIsDismissed(true);
        }}
      >
        Got it
      </Button>
    </aside>
  );
}
