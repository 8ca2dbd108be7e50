"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";

const TONES = {
  success:
    "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
  error:
    "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
} as const;

/** What the library last did (saved, imported, exported…): failures as an alert. */
export function LoraLibraryNotice() {
  const notice = usePlaygroundStore((s) => s.libraryNotice);
  const dismiss = usePlaygroundStore((s) => s.dismissLibraryNotice);
  const box = notice ? (
    <div
      className={`flex items-start justify-between gap-2 rounded-md border py-1.5 pr-1.5 pl-3 text-sm ${TONES[notice.tone]}`}
    >
      <p className="min-w-0 flex-1 break-words py-1">{notice.message}</p>
      <Button size="sm" variant="ghost" onClick={dismiss} className="text-current">
        Dismiss
      </Button>
    </div>
  ) : null;
  return (
    <>
      {/* Both regions are always there, so a new message in either is announced. */}
      <div role="alert" className="empty:hidden">
        {notice?.tone === "error" ? box : null}
      </div>
      <output className="block empty:hidden">{notice?.tone === "success" ? box : null}</output>
    </>
  );
}
