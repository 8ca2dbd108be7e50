"use client";

import { Button } from "@/components/ui/button";

/** The local-engine hint's element id (its dismissal hides it by id, before and after hydration). */
export const LOCAL_HINT_ID = "local-engine-hint";

/**
 * "Got it": hides the hint and remembers it; for this page's lifetime only when storage cannot be
 * written (site data blocked, some private modes), so it is shown again on the next visit, never
 * remembered wrongly.
 */
export function LocalEngineHintDismiss({ storageKey }: { storageKey: string }) {
  return (
    <Button
      size="sm"
      variant="ghost"
      className="h-7 text-amber-950 hover:bg-amber-100 dark:text-amber-50 dark:hover:bg-amber-900"
      onClick={() => {
        try {
          window.localStorage.setItem(storageKey, "1");
        } catch {
          // Blocked or full storage: the hint stays hidden until the page is loaded again.
        }
        const hint = document.getElementById(LOCAL_HINT_ID);
        if (hint) hint.hidden = true;
        // The button disappears with the hint: keep keyboard focus at the top of the page.
        document.getElementById("page-title")?.focus();
      }}
    >
      Got it
    </Button>
  );
}
