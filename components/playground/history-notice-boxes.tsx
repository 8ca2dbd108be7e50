"use client";

import { Button } from "@/components/ui/button";
import { usePlaygroundStore } from "./store-provider";

const BOX = "flex flex-wrap items-start justify-between gap-3 rounded-lg border px-4 py-3 text-sm";
const TONES = {
  success:
    "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
  warning:
    "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
  error:
    "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
} as const;

/** The import, export or restored recipe notice (see `HistoryNotices`, which places it). */
export function TransferNotice() {
  const notice = usePlaygroundStore((s) => s.transferNotice);
  const dismiss = usePlaygroundStore((s) => s.dismissTransferNotice);
  const setImageFile = usePlaygroundStore((s) => s.setImageFile);
  if (!notice) return null;
  if (notice.tone === "error") {
    return <NoticeBox tone="error" message={notice.message} onDismiss={dismiss} />;
  }
  return (
    <NoticeBox tone="success" message={notice.message} onDismiss={dismiss}>
      {notice.imageFile ? (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            if (notice.imageFile) void setImageFile(notice.imageFile);
            dismiss();
          }}
        >
          Use the image as input instead
        </Button>
      ) : null}
    </NoticeBox>
  );
}

/** The browser's storage running short. */
export function StorageNotice() {
  const notice = usePlaygroundStore((s) => s.storageNotice);
  const dismiss = usePlaygroundStore((s) => s.dismissStorageNotice);
  return notice ? <NoticeBox tone="warning" message={notice} onDismiss={dismiss} /> : null;
}

function NoticeBox({
  tone,
  message,
  onDismiss,
  children,
}: {
  tone: keyof typeof TONES;
  message: string;
  onDismiss: () => void;
  children?: React.ReactNode;
}) {
  return (
    <div className={`${BOX} ${TONES[tone]}`}>
      <p className="min-w-0 flex-1 break-words">{message}</p>
      <div className="flex flex-wrap gap-2">
        {children}
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
    </div>
  );
}
