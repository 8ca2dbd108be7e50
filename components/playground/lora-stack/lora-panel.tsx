"use client";

import { useEffect } from "react";
import { usePlaygroundStore, usePlaygroundStoreList } from "@/components/playground/store-provider";
import { LoadingNote } from "@/components/ui/loading";
import { onDemand } from "@/components/ui/on-demand";
import { Panel } from "@/components/ui/panel";
import { preloadWhenIdle } from "@/components/ui/preload";
import { LoraAddNotice } from "./lora-add-notice";
import { LoraFooter } from "./lora-footer";
import { formatActiveCount } from "./lora-format";

// The rows' code (scale, weight file, known styles, the Hub reference) is not in the first screen's
// JavaScript, whose stack is empty: it loads when the browser is idle, or with the first LoRA.
const rows = onDemand(
  () => import("./lora-rows").then((m) => m.LoraRows),
  <LoadingNote what="the LoRAs" />,
);

/** The LoRA stack: rows in the order they are sent, plus adding custom or known LoRAs. */
export function LoraPanel() {
  const ids = usePlaygroundStoreList((s) => s.loras.map((lora) => lora.id));
  const enabledCount = usePlaygroundStore((s) => s.loras.filter((lora) => lora.isEnabled).length);
  const count = formatActiveCount(ids.length, enabledCount);
  useEffect(() => preloadWhenIdle(rows.preload), []);

  return (
    <Panel
      title="LoRAs"
      titleId="lora-panel-title"
      actions={
        count ? (
          <span className="rounded-full bg-accent-50 px-2 py-0.5 text-xs font-medium text-accent-700 tabular-nums dark:bg-accent-700/25 dark:text-accent-100">
            {count}
          </span>
        ) : null
      }
    >
      {ids.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          No LoRAs — the base Kontext model edits the image. Pick a style from the library to apply
          it.
        </p>
      ) : (
        <rows.Component ids={ids} />
      )}
      <LoraAddNotice />
      <LoraFooter />
    </Panel>
  );
}
