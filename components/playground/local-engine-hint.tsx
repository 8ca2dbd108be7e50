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

/**
 * First-run hint on the local engine: what it is and how to connect fal, one compact line in the
 * page header (its own line on narrow screens). Dismissal is remembered.
 */
export function LocalEngineHint() {
  const [isDismissed, setIsDismissed] = useState(true);
  useEffect(() => {
    setIsDismissed(readDismissed());
  }, []);
  if (isDismissed) return null;
  return (
    <aside
      aria-label="About the local engine"
      className="order-last flex min-w-0 basis-full items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 py-0.5 pr-0.5 pl-3 text-xs text-amber-950 lg:order-none lg:flex-1 lg:basis-0 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <p className="min-w-0 flex-1">
        Built-in local engine: results are a preview made on this machine, not FLUX. To run the real
        model, start the server with <code className="font-mono">FAL_KEY</code> set.
      </p>
      <Button
        size="sm"
        variant="ghost"
        className="h-7 text-amber-950 hover:bg-amber-100 dark:text-amber-50 dark:hover:bg-amber-900"
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
