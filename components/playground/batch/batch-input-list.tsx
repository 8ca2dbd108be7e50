"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { formatSize } from "@/components/ui/format";
import type { ItemCost } from "@/lib/batch/cost";
import type { PendingBatchInput } from "@/lib/batch/intake";
import { formatUsd } from "@/lib/kontext/pricing";
import type { BatchRecipeSource } from "@/lib/store/state";
import { formatInputMeta, shortName } from "./batch-format";
import { useObjectUrl } from "./use-object-url";
import { usePendingCost } from "./use-pending-cost";

/**
 * The images gathered for the batch, each with its thumbnail, name and size, its predicted output
 * size and price with the recipe's settings, and its own prompt (a CSV's); remove one, or clear.
 */
export function BatchInputList({ source }: { source: BatchRecipeSource }) {
  const inputs = usePlaygroundStore((s) => s.batchInputs);
  const clearBatchInputs = usePlaygroundStore((s) => s.clearBatchInputs);
  const costs = usePendingCost(source);
  if (inputs.length === 0) return null;
  return (
    <section aria-labelledby="batch-inputs-title" className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h3 id="batch-inputs-title" className="text-sm font-semibold">
          {inputs.length} {inputs.length === 1 ? "image" : "images"} in this batch
        </h3>
        <Button size="sm" variant="ghost" onClick={clearBatchInputs}>
          Clear inputs
        </Button>
      </div>
      <ul
        aria-labelledby="batch-inputs-title"
        className="flex max-h-72 flex-col divide-y divide-neutral-200 overflow-y-auto rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800"
      >
        {inputs.map((input, index) => (
          <BatchInputRow key={input.key} input={input} cost={costs.items[index] ?? null} />
        ))}
      </ul>
    </section>
  );
}

function BatchInputRow({ input, cost }: { input: PendingBatchInput; cost: ItemCost | null }) {
  const removeBatchInput = usePlaygroundStore((s) => s.removeBatchInput);
  const blobUrl = useObjectUrl(input.blob);
  const src = blobUrl ?? input.input.url;
  const name = shortName(input.input.name);
  return (
    <li className="flex items-center gap-3 p-2 text-xs">
      {src ? (
        // biome-ignore lint/performance/noImgElement: a local blob or the listed URL, shown small.
        <img
          src={src}
          alt=""
          loading="lazy"
          className="size-10 shrink-0 rounded bg-neutral-100 object-cover dark:bg-neutral-800"
        />
      ) : (
        <span className="size-10 shrink-0 rounded bg-neutral-100 dark:bg-neutral-800" />
      )}
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className="truncate font-medium" title={input.input.name}>
          {name}
        </span>
        <span className="text-neutral-600 tabular-nums dark:text-neutral-400">
          {formatInputMeta(input.input)}
          {cost ? ` → ${formatSize(cost.size)} · ${formatUsd(cost.price.usd)}` : " · price unknown"}
        </span>
        {input.prompt ? (
          <span className="truncate text-neutral-700 dark:text-neutral-300" title={input.prompt}>
            Prompt: {input.prompt}
          </span>
        ) : null}
      </div>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Remove ${name}`}
        onClick={() => removeBatchInput(input.key)}
      >
        Remove
      </Button>
    </li>
  );
}
