"use client";

import { Button } from "@/components/ui/button";
import { useOpenBatchDialog } from "./batch-dialog-context";

/** "Many images? Batch edit…" below the image input: the form's recipe over many images. */
export function BatchLaunchButton() {
  const open = useOpenBatchDialog();
  if (!open) return null;
  return (
    <p className="flex flex-wrap items-center gap-x-2 text-xs text-neutral-600 dark:text-neutral-400">
      Many images?
      <Button
        size="sm"
        variant="ghost"
        className="-ml-1 underline-offset-2 hover:underline"
        onClick={() => open({ kind: "form" })}
      >
        Batch edit…
      </Button>
    </p>
  );
}
