"use client";

import { useRef, useState } from "react";
import { usePlaygroundStore, usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { isExportable, type Run } from "@/lib/domain/run";

/**
 * Import (an export zip, a run's JSON or a PNG with settings) and export (the chosen runs, else
 * every finished run) of the history.
 */
export function HistoryTransfer() {
  const openFile = usePlaygroundStore((s) => s.openFile);
  const exportRuns = usePlaygroundStore((s) => s.exportRuns);
  const selectRuns = usePlaygroundStore((s) => s.selectRuns);
  const store = usePlaygroundStoreApi();
  const selected = usePlaygroundStore((s) => s.selectedRunIds);
  const exportableCount = usePlaygroundStore((s) => exportableRunIds(s.runs).length);
  const [isExporting, setIsExporting] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const count = selected.length > 0 ? selected.length : exportableCount;

  async function onExport() {
    const ids = selected.length > 0 ? selected : exportableRunIds(store.getState().runs);
    setIsExporting(true);
    try {
      // Saving comes with the result actions (here by now, with the run cards): the first
      // screen, with nothing to export yet, goes without their code.
      const [file, { saveBlob }] = await Promise.all([
        exportRuns(ids),
        import("./result-action-button"),
      ]);
      if (file) saveBlob(file.blob, file.filename);
    } finally {
      setIsExporting(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        ref={inputRef}
        type="file"
        accept=".zip,.json,.png,application/zip,application/json,image/png"
        aria-label="Import runs or settings"
        className="sr-only"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) void openFile(file);
        }}
      />
      <Button size="sm" variant="secondary" onClick={() => inputRef.current?.click()}>
        Import…
      </Button>
      <Button
        size="sm"
        variant="secondary"
        disabled={count === 0 || isExporting}
        aria-busy={isExporting || undefined}
        onClick={() => void onExport()}
      >
        {isExporting
          ? "Exporting…"
          : selected.length > 0
            ? `Export ${selected.length} selected`
            : "Export all"}
      </Button>
      {selected.length > 0 ? (
        <Button size="sm" variant="ghost" onClick={() => selectRuns([])}>
          Clear selection
        </Button>
      ) : null}
    </div>
  );
}

/** The runs an export without a choice takes: every one it can carry. */
function exportableRunIds(runs: readonly Run[]): string[] {
  return runs.filter(isExportable).map((run) => run.id);
}
