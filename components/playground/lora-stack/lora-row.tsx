"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { LoraEnabledSwitch } from "./lora-enabled-switch";
import { loraDomId } from "./lora-format";
import { LoraIdentity } from "./lora-identity";
import { LoraKnownHint } from "./lora-known-hint";
import { LoraPathDisclosure } from "./lora-path-disclosure";
import { LoraRowActions } from "./lora-row-actions";
import { LoraScaleField } from "./lora-scale-field";

/**
 * One LoRA of the stack, a group named "LoRA N": it leads with the style (preview or initials,
 * name, origin), then a full-width scale; the weight file's path sits behind a disclosure.
 */
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
        className={`flex min-w-0 flex-col gap-2.5 rounded-lg border p-3 transition-colors ${
          isEnabled
            ? "border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-900"
            : "border-dashed border-neutral-300 bg-neutral-50 dark:border-neutral-700 dark:bg-neutral-950/40"
        }`}
      >
        <legend className="sr-only">LoRA {position}</legend>
        <div className="flex items-center justify-between gap-2">
          <div
            className={`flex min-w-0 items-center gap-2 transition-opacity ${isEnabled ? "" : "opacity-60"}`}
          >
            <LoraIdentity id={id} />
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
          <LoraEnabledSwitch id={id} />
        </div>
        <div className={`flex flex-col gap-2 transition-opacity ${isEnabled ? "" : "opacity-60"}`}>
          <LoraScaleField id={id} />
          <LoraKnownHint id={id} />
        </div>
        {/* The path's disclosure and the row's actions share the last line. */}
        <div className="flex items-start justify-between gap-2">
          <div className="min-w-0 flex-1 pt-1.5">
            <LoraPathDisclosure id={id} />
          </div>
          <LoraRowActions id={id} />
        </div>
      </fieldset>
    </li>
  );
}
