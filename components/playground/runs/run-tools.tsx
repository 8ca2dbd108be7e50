"use client";

import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useOpenBatchDialog } from "@/components/playground/batch/batch-dialog-context";
import { usePlaygroundStore, usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { useWorkspaceView } from "@/components/playground/workspace/workspace-view";
import { isExportable } from "@/lib/domain/run";
import { toHistoryRun } from "@/lib/history/run-record";
import { runRecipe } from "@/lib/share/recipe";
import { ResultActionButton, saveBlob } from "./result-action-button";
import { selectRun } from "./result-format";
import { ShareLinkButton } from "./share-link-button";

/**
 * What can be done with a whole run: remix it (everything back in the form, with or without its
 * seed), export it as a zip, choose it for a multi-run export, or use its recipe for a batch.
 */
export function RunTools({ runId, runNumber }: { runId: string; runNumber: number }) {
  const tools = usePlaygroundStore(
    useShallow((s) => {
      const run = selectRun(runId)(s);
      return run
        ? {
            isFinished: run.finishedAt !== null,
            canExport: isExportable(run),
            hasSeed: (run.output?.seed ?? run.request.seed) !== undefined,
            isSelected: s.selectedRunIds.includes(runId),
          }
        : null;
    }),
  );
  const store = usePlaygroundStoreApi();
  const remixRun = usePlaygroundStore((s) => s.remixRun);
  const exportRuns = usePlaygroundStore((s) => s.exportRuns);
  const toggleRunSelected = usePlaygroundStore((s) => s.toggleRunSelected);
  const [status, setStatus] = useState<string | null>(null);
  const workspace = useWorkspaceView();
  const openBatch = useOpenBatchDialog();
  if (!tools) return null;

  async function remix(withSeed: boolean) {
    setStatus("Putting it back in the form…");
    await remixRun(runId, { withSeed });
    setStatus(withSeed ? "In the form, with its seed" : "In the form");
    // On a phone the form is in the edit view.
    workspace?.show("edit");
    document.getElementById("image-panel-title")?.scrollIntoView({ behavior: "smooth" });
  }

  async function exportRun() {
    setStatus("Exporting…");
    const file = await exportRuns([runId]);
    if (file) saveBlob(file.blob, file.filename);
    setStatus(file ? "Exported" : "Export failed");
  }

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <ResultActionButton icon="reuse" onClick={() => void remix(false)}>
        Remix<span className="sr-only"> run {runNumber}</span>
      </ResultActionButton>
      {tools.hasSeed ? (
        <ResultActionButton icon="reuse" onClick={() => void remix(true)}>
          Remix<span className="sr-only"> run {runNumber}</span> with its seed
        </ResultActionButton>
      ) : null}
      {tools.canExport ? (
        <>
          <ResultActionButton icon="download" onClick={() => void exportRun()}>
            Export<span className="sr-only"> run {runNumber}</span> as zip
          </ResultActionButton>
          <label className="inline-flex cursor-pointer items-center gap-1.5 rounded-md px-2 py-1 text-xs text-neutral-700 hover:bg-neutral-100 dark:text-neutral-300 dark:hover:bg-neutral-800">
            <input
              type="checkbox"
              checked={tools.isSelected}
              onChange={() => toggleRunSelected(runId)}
              className="size-3.5 accent-accent-600"
            />
            Select<span className="sr-only"> run {runNumber} for export</span>
          </label>
        </>
      ) : null}
      {tools.canExport && openBatch ? (
        <ResultActionButton icon="reuse" onClick={() => openBatch({ kind: "run", runId })}>
          Batch<span className="sr-only"> run {runNumber}</span> with this recipe…
        </ResultActionButton>
      ) : null}
      <output aria-live="polite" className="text-xs text-neutral-600 dark:text-neutral-400">
        {status}
      </output>
      {tools.canExport ? (
        <ShareLinkButton
          what={`run ${runNumber}`}
          recipe={() => {
            const run = store.getState().runs.find((entry) => entry.id === runId);
            if (!run) throw new Error("The run is gone");
            return runRecipe(toHistoryRun(run), window.location.origin);
          }}
        />
      ) : null}
    </div>
  );
}
