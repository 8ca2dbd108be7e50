"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

const DISMISSED_KEY = "kontext-playground:local-hint-dismissed";

/**
 * "Got it" for this page's lifetime, for when localStorage cannot be used (site data blocked,
 * some private modes): the hint is shown again on the next visit, never remembered wrongly.
 */
let isDismissedForSession = false;

/** Whether the hint was dismissed before; false when storage cannot be read. */
function readDismissed(): boolean {
  if (isDismissedForSession) return true;
  try {
    return window.localStorage.getItem(DISMISSED_KEY) === "1";
  } catch {
    // Reading `window.localStorage` itself throws a SecurityError when site data is blocked.
    return false;
  }
}

/** Remembers the dismissal; for this session only when storage cannot be written. */
function writeDismissed(): void {
  isDismissedForSession = true;
  try {
    window.localStorage.setItem(DISMISSED_KEY, "1");
  } catch {
    // Blocked or full storage: the hint stays hidden until the page is loaded again.
  }
}

/** First-run hint on the local engine: what it is and how to connect fal. Dismissal is remembered. */
export function LocalEngineHint() {
  const [isDismissed, setIsDismissed] = useState(true);
  useEffect(() => {
    setIsDismissed(readDismissed());
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
          writeDismissed();
          setIsDismissed(true);
          // The button disappears with the hint: keep keyboard focus at the top of the page.
          document.getElementById("page-title")?.focus();
        }}
      >
        Got it
      </Button>
    </aside>
  );
}
