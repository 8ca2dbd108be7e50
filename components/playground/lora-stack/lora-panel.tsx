"use client";

import dynamic from "next/dynamic";
import { type ComponentType, useEffect, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { LoadingNote } from "@/components/ui/loading";
import { Panel } from "@/components/ui/panel";
import { preloadWhenIdle } from "@/components/ui/preload";
import { LoraAddNotice } from "./lora-add-notice";
import { LoraFooter } from "./lora-footer";
import { formatActiveCount } from "./lora-format";

type Rows = ComponentType<{ ids: readonly string[] }>;

/** The rows' component once its code is here (then it renders at once, without a loading note). */
let loadedRows: Rows | null = null;

const loadRows = () =>
  import("./lora-rows").then((m) => {
    loadedRows = m.LoraRows;
    return m;
  });

// The rows' code (scale, weight file, known styles, the Hub reference) is not in the first screen's
// JavaScript, whose stack is empty: it loads when the browser is idle, or with the first LoRA.
const LazyRows = dynamic(() => loadRows().then((m) => m.LoraRows), {
  loading: () => <LoadingNote what="the LoRAs" />,
});

/** The rows, through the same component for as long as they are shown (so none remounts). */
function LoraRowList({ ids }: { ids: readonly string[] }) {
  const [RowsComponent] = useState<Rows>(() => loadedRows ?? LazyRows);
  return <RowsComponent ids={ids} />;
}

/** The LoRA stack: rows in the order they are sent, plus adding custom or known LoRAs. */
export function LoraPanel() {
  const ids = usePlaygroundStore(useShallow((s) => s.loras.map((lora) => lora.id)));
  const enabledCount = usePlaygroundStore((s) => s.loras.filter((lora) => lora.isEnabled).length);
  const count = formatActiveCount(ids.length, enabledCount);
  useEffect(() => preloadWhenIdle(loadRows), []);

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
        <LoraRowList ids={ids} />
      )}
      <LoraAddNotice />
      <LoraFooter />
    </Panel>
  );
}
