"use client";

import { Button } from "@/components/ui/button";

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
      onClick={(event) => {
        try {
          window.localStorage.setItem(storageKey, "1");
        } catch {
          // Blocked or full storage: the hint stays hidden until the page is loaded again.
        }
        // Hidden the way the server's script hides a dismissed hint before the first paint.
        const hint = event.currentTarget.closest("aside");
        if (hint) hint.hidden = true;
        // The button disappears with the hint: keep keyboard focus at the top of the page.
        document.getElementById("page-title")?.focus();
      }}
    >
      Got it
    </Button>
  );
}
