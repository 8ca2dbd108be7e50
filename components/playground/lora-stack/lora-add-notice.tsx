"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { clientOnly } from "@/components/ui/on-demand";

// The notice's box loads with the first notice (a LoRA added from the library or the Hub).
const LoraAddNoticeBox = clientOnly(() =>
  import("./lora-add-notice-box").then((m) => m.LoraAddNoticeBox),
);

/**
 * What adding a LoRA from the library or the Hub did to the prompt ("its trigger now starts the
 * prompt"), with Undo while the trigger can be taken back. A polite live region, always rendered.
 */
export function LoraAddNotice() {
  const notice = usePlaygroundStore((s) => s.loraNotice);
  return <div aria-live="polite">{notice ? <LoraAddNoticeBox notice={notice} /> : null}</div>;
}
