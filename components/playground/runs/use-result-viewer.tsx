"use client";

import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { LoadingOverlay } from "@/components/ui/loading";
import { clientOnly } from "@/components/ui/on-demand";
import type { ResultViewer, ViewerScope } from "./result-context";

// The full-size viewer's code is not on the first screen: it loads once there is a run (so it
// is there when a result is opened, and takes the arrow keys at once), or when first opened.
type LightboxComponent = typeof import("@/components/playground/gallery/lightbox").Lightbox;
/** The viewer once its code is here: rendered directly then, without a Suspense round trip. */
let loadedLightbox: LightboxComponent | null = null;
const loadLightbox = () =>
  import("@/components/playground/gallery/lightbox").then((m) => {
    loadedLightbox = m.Lightbox;
    return m.Lightbox;
  });
const LazyLightbox = clientOnly(loadLightbox, <LoadingOverlay what="the image" />);

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
    if (hasRuns) void loadLightbox();
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

  const Lightbox = loadedLightbox ?? LazyLightbox;
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
