"use client";

import { clientOnly } from "@/components/ui/on-demand";
import { usePlaygroundStore } from "./store-provider";

// The failure's message, retry and ways out of a refusal load with the first alert: the first
// screen has none, only the region that announces it.
const AlertMessage = clientOnly(() => import("./alert-message").then((m) => m.AlertMessage));

/** The one place for failures that are not field errors, with a retry when it may help. */
export function AlertBanner() {
  const hasAlert = usePlaygroundStore((s) => s.alert !== null);
  return (
    <div role="alert" aria-live="assertive" className="empty:hidden">
      {hasAlert ? <AlertMessage /> : null}
    </div>
  );
}
