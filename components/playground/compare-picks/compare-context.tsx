"use client";

import dynamic from "next/dynamic";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { usePlaygroundStore, usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { focusAfterRender } from "@/components/ui/focus";
import { LoadingOverlay } from "@/components/ui/loading";
import {
  type CompareItem,
  type ComparePicks,
  type CompareTarget,
  compareView,
  describePick,
  findRun,
  NO_PICKS,
  pickButtonId,
  pickedSlot,
  resultName,
  togglePick,
} from "./compare-format";

// The tray's code loads with the first pick (the first screen has none).
const CompareTray = dynamic(() => import("./compare-tray").then((m) => m.CompareTray), {
  ssr: false,
});

// The compare view's code loads when a comparison is first opened.
const CompareDialog = dynamic(
  () => import("@/components/compare/compare-dialog").then((m) => m.CompareDialog),
  { ssr: false, loading: () => <LoadingOverlay what="the comparison" /> },
);

/** What result tiles and the tray share: the picked results and opening the compare dialog. */
export interface CompareSelection {
  /** The results picked for A/B (slot A, slot B). */
  picks: ComparePicks;
  /** Which slot holds a result, if it is picked. */
  slotOf: (item: CompareItem) => "a" | "b" | null;
  /** Picks a result (a third replaces the one picked longer ago), or unpicks it. */
  togglePick: (item: CompareItem) => void;
  /** Unpicks both; focus goes to the last picked result's "Add to compare" button. */
  clearPicks: () => void;
  /** Compares a result with its run's input; focus goes back to `opener` on close. */
  compareWithInput: (item: CompareItem, opener: HTMLElement) => void;
  /** Compares the picked A and B (when both are picked); focus goes back to `opener`. */
  comparePicks: (opener: HTMLElement) => void;
}

const CompareContext = createContext<CompareSelection | null>(null);

/**
 * Holds what is picked to compare and which comparison is open, for everything inside it;
 * renders the compare tray after its children, and the compare dialog while one is open.
 */
export function CompareProvider({ children }: { children: ReactNode }) {
  const store = usePlaygroundStoreApi();
  const [picks, setPicks] = useState<ComparePicks>(NO_PICKS);
  const [target, setTarget] = useState<CompareTarget | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const openerRef = useRef<HTMLElement | null>(null);

  const selection = useMemo<CompareSelection>(() => {
    const name = (item: CompareItem) => {
      const found = findRun(store.getState().runs, item.runId);
      return found ? resultName(found.runNumber, item.index) : "A result";
    };
    const open = (next: CompareTarget, opener: HTMLElement) => {
      openerRef.current = opener;
      setTarget(next);
    };
    return {
      picks,
      slotOf: (item) => pickedSlot(picks, item),
      togglePick: (item) => {
        const next = togglePick(picks, item);
        setPicks(next);
        setAnnouncement(describePick(picks, next, item, name));
      },
      clearPicks: () => {
        const last = picks.last ? picks[picks.last] : null;
        setPicks(NO_PICKS);
        setAnnouncement("Compare selection cleared");
        if (last) focusAfterRender([pickButtonId(last)]);
      },
      compareWithInput: (item, opener) => open({ kind: "input", item }, opener),
      comparePicks: (opener) => {
        if (picks.a && picks.b) open({ kind: "pair", a: picks.a, b: picks.b }, opener);
      },
    };
  }, [picks, store]);

  const close = useCallback(() => {
    setTarget(null);
    const opener = openerRef.current;
    openerRef.current = null;
    if (opener?.isConnected) opener.focus();
  }, []);

  return (
    <CompareContext.Provider value={selection}>
      {children}
      {picks.a || picks.b ? (
        <CompareTray
          picks={picks}
          onClear={selection.clearPicks}
          onCompare={selection.comparePicks}
        />
      ) : null}
      {/* Always rendered, so picking and clearing are announced. */}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {target ? <CompareHost target={target} onClose={close} /> : null}
    </CompareContext.Provider>
  );
}

/** The dialog for a target, resolved against the runs; closes when a result is gone. */
function CompareHost({ target, onClose }: { target: CompareTarget; onClose: () => void }) {
  const runs = usePlaygroundStore((s) => s.runs);
  const view = compareView(runs, target);
  const isGone = view === null;
  useEffect(() => {
    if (isGone) onClose();
  }, [isGone, onClose]);
  return view ? <CompareDialog {...view} onClose={onClose} /> : null;
}

/** The compare selection; only inside `CompareProvider` (the results panel). */
export function useCompare(): CompareSelection {
  const selection = useContext(CompareContext);
  if (!selection) throw new Error("useCompare must be used inside <CompareProvider>");
  return selection;
}
