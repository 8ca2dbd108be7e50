"use client";

import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { LoadingOverlay } from "@/components/ui/loading";
import { onDemand } from "@/components/ui/on-demand";
import type { ResultViewer, ViewerScope } from "./result-context";

// The full-size viewer's code is not on the first screen: it loads once there is a run (so it
// is there when a result is opened, rendered at once, and takes the arrow keys at once), or when
// first opened. It only renders once a result is opened, never on the server.
const lightboxView = onDemand(
  () => import("@/components/playground/gallery/lightbox").then((m) => m.Lightbox),
  <LoadingOverlay what="the image" />,
);

/**
 * The results' viewer state: which flagged images were revealed, and the full-size viewer
 * (`lightbox`, to render) with the image it shows. Focus goes back to the button that opened it.
 */
export function useResultViewerState(): { viewer: ResultViewer; lightbox: ReactNode } {
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(() => new Set());
  const [viewerKey, setViewerKey] = useState<string | null>(null);
  const [scope, setScope] = useState<ViewerScope | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const hasRuns = usePlaygroundStore((s) => s.runs.length > 0);
  useEffect(() => {
    if (hasRuns) lightboxView.preload().catch(() => {});
  }, [hasRuns]);

  const isRevealed = useCallback((key: string) => revealed.has(key), [revealed]);
  const viewer = useMemo<ResultViewer>(
    () => ({
      isRevealed,
      reveal: (key) => setRevealed((previous) => new Set(previous).add(key)),
      open: (key, opener, nextScope) => {
        openerRef.current = opener;
        setScope(nextScope ?? null);
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

  const lightbox = viewerKey ? (
    <lightboxView.Component
      activeKey={viewerKey}
      scope={scope}
      isRevealed={isRevealed}
      onNavigate={setViewerKey}
      onClose={closeViewer}
    />
  ) : null;
  return { viewer, lightbox };
}
