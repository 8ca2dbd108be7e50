"use client";

import dynamic from "next/dynamic";
import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { LoadingOverlay } from "@/components/ui/loading";
import type { ResultViewer, ViewerScope } from "./result-context";

// The full-size viewer's code loads when it is first opened.
const Lightbox = dynamic(
  () => import("@/components/playground/gallery/lightbox").then((m) => m.Lightbox),
  { ssr: false, loading: () => <LoadingOverlay what="the image" /> },
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
    <Lightbox
      activeKey={viewerKey}
      scope={scope}
      isRevealed={isRevealed}
      onNavigate={setViewerKey}
      onClose={closeViewer}
    />
  ) : null;
  return { viewer, lightbox };
}
