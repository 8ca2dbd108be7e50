"use client";

import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { LoadingOverlay } from "@/components/ui/loading";
import { clientOnly } from "@/components/ui/on-demand";
import {
  CompareContext,
  type ComparePicks,
  type CompareState,
  type CompareTarget,
  NO_PICKS,
} from "./compare-state";

// The tray's code loads with the first pick (the first screen has none).
const CompareTray = clientOnly(() => import("./compare-tray").then((m) => m.CompareTray));

// The compare view's code (the dialog, and what it compares, resolved against the runs) loads
// when a comparison is first opened.
const CompareHost = clientOnly(
  () => import("./compare-host").then((m) => m.CompareHost),
  <LoadingOverlay what="the comparison" />,
);

/**
 * Holds what is picked to compare and which comparison is open, for everything inside it;
 * renders the compare tray after its children, and the compare dialog while one is open.
 */
export function CompareProvider({ children }: { children: ReactNode }) {
  const [picks, setPicks] = useState<ComparePicks>(NO_PICKS);
  const [target, setTarget] = useState<CompareTarget | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const openerRef = useRef<HTMLElement | null>(null);

  const state = useMemo<CompareState>(
    () => ({
      picks,
      setPicks,
      announce: setAnnouncement,
      open: (next, opener) => {
        openerRef.current = opener;
        setTarget(next);
      },
    }),
    [picks],
  );

  const close = useCallback(() => {
    setTarget(null);
    const opener = openerRef.current;
    openerRef.current = null;
    if (opener?.isConnected) opener.focus();
  }, []);

  return (
    <CompareContext.Provider value={state}>
      {children}
      {picks.a || picks.b ? <CompareTray /> : null}
      {/* Always rendered, so picking and clearing are announced. */}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {target ? <CompareHost target={target} onClose={close} /> : null}
    </CompareContext.Provider>
  );
}
