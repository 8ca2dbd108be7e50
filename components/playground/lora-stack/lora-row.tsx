"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { LoraEnabledSwitch } from "./lora-enabled-switch";
import { loraDomId } from "./lora-format";
import { LoraKnownHint } from "./lora-known-hint";
import { LoraPathField } from "./lora-path-field";
import { LoraRowActions } from "./lora-row-actions";
import { LoraScaleField } from "./lora-scale-field";

/** One LoRA of the stack: a group named "LoRA N" with its path, scale, switch and actions. */
export function LoraRow({ id }: { id: string }) {
  const position = usePlaygroundStore((s) => s.loras.findIndex((lora) => lora.id === id) + 1);
  const isEnabled = usePlaygroundStore(
    (s) => s.loras.find((lora) => lora.id === id)?.isEnabled ?? false,
  );
  const statusId = loraDomId(id, "status");

  return (
    <li>
      <fieldset
        aria-describedby={isEnabled ? undefined : statusId}
        data-enabled={isEnabled}
        className={`flex min-w-0 flex-col gap-3 rounded-lg border p-3 transition-colors ${
          isEnabled
            ? "border-neutral-200 dark:border-neutral-800"
            : "border-dashed border-neutral-300 bg-neutral-50 dark:border-neutral-700 dark:bg-neutral-950/40"
        }`}
      >
        <legend className="sr-only">LoRA {position}</legend>
        <div className="flex items-center justify-between gap-2">
          <div className="flex min-w-0 items-center gap-2 sm:gap-3">
            <LoraEnabledSwitch id={id} />
            <span
              aria-hidden="true"
              className="whitespace-nowrap text-sm font-medium text-neutral-900 tabular-nums dark:text-neutral-100"
            >
              LoRA {position}
            </span>
            {isEnabled ? null : (
              <span
                id={statusId}
                title="Not sent with the run"
                className="shrink-0 rounded-sm bg-neutral-200 px-1.5 py-0.5 text-[11px] font-medium text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300"
              >
                Off<span className="sr-only">, not sent with the run</span>
              </span>
            )}
          </div>
          <LoraRowActions id={id} />
        </div>
        <div className={`flex flex-col gap-3 transition-opacity ${isEnabled ? "" : "opacity-60"}`}>
          <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(11rem,15rem)]">
            <LoraPathField id={id} />
            <LoraScaleField id={id} />
          </div>
          <LoraKnownHint id={id} />
        </div>
      </fieldset>
    </li>
  );
}
