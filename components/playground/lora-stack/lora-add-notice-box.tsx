"use client";

import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icons";
import type { LoraNotice } from "@/lib/store/state";

/** The notice of {@link LoraAddNotice}: its message, Undo while it applies, and Dismiss. */
export function LoraAddNoticeBox({ notice }: { notice: LoraNotice }) {
  const undo = usePlaygroundStore((s) => s.undoLoraTrigger);
  const dismiss = usePlaygroundStore((s) => s.dismissLoraNotice);
  return (
    <div className="flex items-center gap-2 rounded-md bg-accent-50 py-1 pr-1 pl-3 text-sm text-accent-700 dark:bg-accent-500/15 dark:text-accent-100">
      <p className="min-w-0 flex-1">{notice.message}</p>
      {notice.undo ? (
        <Button size="sm" variant="secondary" onClick={undo}>
          Undo<span className="sr-only"> the trigger</span>
        </Button>
      ) : null}
      <Button
        size="sm"
        variant="ghost"
        aria-label="Dismiss"
        title="Dismiss"
        className="w-8 px-0"
        onClick={dismiss}
      >
        <CloseIcon />
      </Button>
    </div>
  );
}
