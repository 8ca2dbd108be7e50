"use client";

import { useEffect, useState } from "react";

/** What a result action did last. */
export type Outcome =
  | "downloading"
  | "download-failed"
  | "opened"
  | "copied"
  | "copy-failed"
  | "used"
  | "pinning"
  | "pinned"
  | "pin-failed";

/** Outcomes said as failures. */
export const FAILURES: ReadonlySet<Outcome | null> = new Set([
  "download-failed",
  "copy-failed",
  "pin-failed",
]);

/** What the last action did; cleared 2.5 s after it is set (except while downloading or pinning). */
export function useOutcome(): [Outcome | null, (value: Outcome | null) => void] {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => {
    if (outcome === null || outcome === "downloading" || outcome === "pinning") return;
    const timer = setTimeout(() => setOutcome(null), 2500);
    return () => clearTimeout(timer);
  }, [outcome]);
  return [outcome, setOutcome];
}
