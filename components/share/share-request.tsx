import { loraLabel } from "@/lib/kontext/known-loras";
import type { KontextRequest } from "@/lib/kontext/schema";
import { formatSettings } from "@/lib/share/describe";

/** The prompt, LoRAs (with their full paths) and every setting of a shared request. */
export function ShareRequest({
  request,
  showPrompt = true,
}: {
  request: KontextRequest;
  showPrompt?: boolean;
}) {
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
      {showPrompt ? (
        <>
          <dt className="font-medium text-neutral-600 dark:text-neutral-400">Prompt</dt>
          <dd className="whitespace-pre-wrap break-words">{request.prompt}</dd>
        </>
      ) : null}
      <dt className="font-medium text-neutral-600 dark:text-neutral-400">LoRAs</dt>
      <dd>
        {request.loras.length === 0 ? (
          "None"
        ) : (
          <ul aria-label="LoRAs" className="flex flex-col gap-1">
            {request.loras.map((lora, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a recipe's LoRA list never changes.
              <li key={index} className="break-all">
                <span className="font-medium">{loraLabel(lora.path)}</span> ×{lora.scale}{" "}
                <span className="text-xs text-neutral-500 dark:text-neutral-400">{lora.path}</span>
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt className="font-medium text-neutral-600 dark:text-neutral-400">Settings</dt>
      <dd className="tabular-nums">
        {formatSettings(request)}
        {request.enable_safety_checker ? "" : " · safety checker off"}
        {request.sync_mode ? " · sync mode" : ""}
      </dd>
    </dl>
  );
}
