"use client";

import { useShallow } from "zustand/react/shallow";
import { formatSettings, loraChip } from "@/components/playground/runs/result-format";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { selectRunNumbers } from "@/lib/store/gallery";
import { runOf } from "@/lib/store/selectors";
import type { BatchRecipeSource } from "@/lib/store/state";

/** The recipe every image gets: where it is from, the prompt, the LoRAs and the settings. */
export function BatchRecipeSummary({ source }: { source: BatchRecipeSource }) {
  const recipe = usePlaygroundStore(
    useShallow((s) => {
      if (source.kind === "run") {
        const run = runOf(s, source.runId);
        if (!run) return null;
        return {
          from: `Run ${selectRunNumbers(s).get(run.id) ?? ""}`.trim(),
          prompt: run.request.prompt,
          loras: run.request.loras.map(loraChip).join(", "),
          settings: formatSettings(run.request),
        };
      }
      return {
        from: "The form",
        prompt: s.prompt.trim(),
        loras: s.loras
          .filter((lora) => lora.isEnabled && lora.path.trim() !== "")
          .map(loraChip)
          .join(", "),
        settings: formatSettings(s.settings),
      };
    }),
  );
  return (
    <section
      aria-labelledby="batch-recipe-title"
      className="flex flex-col gap-1 rounded-lg bg-neutral-50 p-3 text-sm dark:bg-neutral-950/60"
    >
      <h3 id="batch-recipe-title" className="font-semibold">
        Recipe{recipe ? <span className="font-normal"> · {recipe.from}</span> : null}
      </h3>
      {recipe ? (
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
          <dt className="text-neutral-600 dark:text-neutral-400">Prompt</dt>
          <dd className="break-words">{recipe.prompt || "Each image's own prompt (CSV)"}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">LoRAs</dt>
          <dd>{recipe.loras || "None"}</dd>
          <dt className="text-neutral-600 dark:text-neutral-400">Settings</dt>
          <dd>{recipe.settings}</dd>
        </dl>
      ) : (
        <p className="text-xs text-red-700 dark:text-red-400">
          That run is no longer in the history.
        </p>
      )}
    </section>
  );
}
