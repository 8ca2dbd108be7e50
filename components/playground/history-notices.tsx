"use client";

import { clientOnly } from "@/components/ui/on-demand";
import { usePlaygroundStore } from "./store-provider";

// A notice's box (its message, tone and buttons) loads with the first notice: the first screen
// has none, only the regions that announce them.
const TransferNotice = clientOnly(() =>
  import("./history-notice-boxes").then((m) => m.TransferNotice),
);
const StorageNotice = clientOnly(() =>
  import("./history-notice-boxes").then((m) => m.StorageNotice),
);

/**
 * What happened to the history outside a run: an import, export or restored recipe (a failed one
 * as an alert), and the browser's storage running short.
 */
export function HistoryNotices() {
  const transferTone = usePlaygroundStore((s) => s.transferNotice?.tone ?? null);
  const hasStorageNotice = usePlaygroundStore((s) => s.storageNotice !== null);
  return (
    <>
      {/* Every region is always there, so a new message in any of them is announced. */}
      <div role="alert" className="empty:hidden">
        {transferTone === "error" ? <TransferNotice /> : null}
      </div>
      <output className="block empty:hidden">
        {transferTone === "success" ? <TransferNotice /> : null}
      </output>
      <output className="block empty:hidden">{hasStorageNotice ? <StorageNotice /> : null}</output>
    </>
  );
}
