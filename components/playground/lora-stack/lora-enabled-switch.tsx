"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { loraDomId } from "./lora-format";

/** Whether one LoRA is sent: a checkbox styled as a switch, beside the row's title. */
export function LoraEnabledSwitch({ id }: { id: string }) {
  const position = usePlaygroundStore((s) => s.loras.findIndex((lora) => lora.id === id) + 1);
  const isEnabled = usePlaygroundStore(
    (s) => s.loras.find((lora) => lora.id === id)?.isEnabled ?? false,
  );
  const toggleLora = usePlaygroundStore((s) => s.toggleLora);

  return (
    <span className="relative inline-flex h-5 w-9 shrink-0">
      <input
        id={loraDomId(id, "enabled")}
        type="checkbox"
        aria-label={`LoRA ${position} enabled`}
        title={isEnabled ? "Sent with the next run" : "Not sent; turn on to apply it"}
        checked={isEnabled}
        onChange={() => toggleLora(id)}
        className="peer h-5 w-9 cursor-pointer appearance-none rounded-full bg-neutral-300 transition-colors checked:bg-accent-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 dark:bg-neutral-700 dark:checked:bg-accent-500"
      />
      <span
        aria-hidden="true"
        className="pointer-events-none absolute top-0.5 left-0.5 size-4 rounded-full bg-white shadow-sm transition-transform peer-checked:translate-x-4"
      />
    </span>
  );
}
