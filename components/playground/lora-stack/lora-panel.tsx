"use client";

import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Panel } from "@/components/ui/panel";
import { LoraAddNotice } from "./lora-add-notice";
import { LoraFooter } from "./lora-footer";
import { formatActiveCount } from "./lora-format";
import { LoraRow } from "./lora-row";

/** The LoRA stack: rows in the order they are sent, plus adding custom or known LoRAs. */
export function LoraPanel() {
  const ids = usePlaygroundStore(useShallow((s) => s.loras.map((lora) => lora.id)));
  const enabledCount = usePlaygroundStore((s) => s.loras.filter((lora) => lora.isEnabled).length);
  const count = formatActiveCount(ids.length, enabledCount);

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
        <ol aria-labelledby="lora-panel-title" className="flex flex-col gap-3">
          {ids.map((id) => (
            <LoraRow key={id} id={id} />
          ))}
        </ol>
      )}
      <LoraAddNotice />
      <LoraFooter />
    </Panel>
  );
}
