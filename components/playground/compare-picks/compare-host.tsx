"use client";

import { useEffect } from "react";
import { CompareDialog } from "@/components/compare/compare-dialog";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { compareView } from "./compare-format";
import type { CompareTarget } from "./compare-state";

/** The dialog for a target, resolved against the runs; closes when a result is gone. */
export function CompareHost({ target, onClose }: { target: CompareTarget; onClose: () => void }) {
  const runs = usePlaygroundStore((s) => s.runs);
  const view = compareView(runs, target);
  const isGone = view === null;
  useEffect(() => {
    if (isGone) onClose();
  }, [isGone, onClose]);
  return view ? <CompareDialog {...view} onClose={onClose} /> : null;
}
