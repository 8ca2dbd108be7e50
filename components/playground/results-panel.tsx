"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { Icon } from "@/components/ui/icon";
import { Panel } from "@/components/ui/panel";
import { CompareProvider } from "./compare-context";
import { HistoryTransfer } from "./history-transfer";
import { Lightbox } from "./lightbox";
import { type ResultViewer, ResultViewerProvider } from "./result-context";
import { RunCard } from "./run-card";
import { usePlaygroundStore } from "./store-provider";

/** Every run, newest first, with its status, results and actions; and the compare tray. */
export function ResultsPanel() {
  return (
    <CompareProvider>
      <RunsPanel />
    </CompareProvider>
  );
}

function RunsPanel() {
  const runIds = usePlaygroundStore(useShallow((s) => s.runs.map((run) => run.id)));
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(() => new Set());
  const [viewerKey, setViewerKey] = useState<string | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);

  const isRevealed = useCallback((key: string) => revealed.has(key), [revealed]);
  const viewer = useMemo<ResultViewer>(
    () => ({
      isRevealed,
      reveal: (key) => setRevealed((previous) => new Set(previous).add(key)),
      open: (key, opener) => {
        openerRef.current = opener;
        setViewerKey(key);
      },
    }),
    [isRevealed],
  );

  const closeViewer = useCallback(() => {
    setViewerKey(null);
    const opener = openerRef.current;
    openerRef.current = null;
    if (opener?.isConnected) opener.focus();
  }, []);

  return (
    <Panel title="Results" titleId="results-panel-title" actions={<HistoryTransfer />}>
      <ResultViewerProvider value={viewer}>
        {runIds.length === 0 ? (
          <EmptyResults />
        ) : (
          <ol className="flex flex-col gap-4">
            {runIds.map((id, index) => (
              <li key={id}>
                <RunCard runId={id} runNumber={runIds.length - index} />
              </li>
            ))}
          </ol>
        )}
        {viewerKey ? (
          <Lightbox
            activeKey={viewerKey}
            isRevealed={isRevealed}
            onNavigate={setViewerKey}
            onClose={closeViewer}
          />
        ) : null}
      </ResultViewerProvider>
    </Panel>
  );
}

function EmptyResults() {
  return (
    <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-neutral-300 px-4 py-10 text-center dark:border-neutral-700">
      <Icon className="size-8 text-neutral-400 dark:text-neutral-600" viewBox="0 0 24 24">
        <rect x="3" y="4" width="18" height="16" rx="2" />
        <circle cx="9" cy="10" r="1.75" />
        <path d="m21 16-5-5-9 9" />
      </Icon>
      <p className="max-w-xs text-sm text-neutral-600 dark:text-neutral-400">
        Your edits appear here. Add an image, write an instruction and press Generate.
      </p>
    </div>
  );
}
