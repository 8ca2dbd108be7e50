"use client";

import { useEffect, useState } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import type { BatchRecord } from "@/lib/batch/record";

/** A batch by id, and its number (`Batch 2`: the second made, whatever was deleted since). */
export function useBatch(batchId: string): { batch: BatchRecord; number: number } | null {
  const batch = usePlaygroundStore((s) => s.batches.find((each) => each.id === batchId));
  const number = usePlaygroundStore((s) => {
    const index = s.batches.findIndex((each) => each.id === batchId);
    return index < 0 ? 0 : s.batches.length - index;
  });
  return batch ? { batch, number } : null;
}

/** The time now, ticking every `ms` while `isTicking` (for an ETA or a back-off's countdown). */
export function useNow(isTicking: boolean, ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isTicking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [isTicking, ms]);
  return now;
}
