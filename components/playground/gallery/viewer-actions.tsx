"use client";

import { type ReactNode, useState } from "react";
import { useCompare } from "@/components/playground/compare-picks/compare-selection";
import { downloadImage, Hidden } from "@/components/playground/runs/result-action-button";
import { downloadFilename, type ViewerItem } from "@/components/playground/runs/result-format";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Icon } from "@/components/ui/icons";

const ACTION =
  "inline-flex size-9 shrink-0 items-center justify-center gap-1.5 rounded-full bg-white/10 sm:w-auto sm:px-3 text-sm font-medium text-white transition-colors hover:bg-white/20 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:opacity-50";

/**
 * The viewer's actions on the image it shows: Download, Use as input (the viewer closes and the
 * image becomes the form's input) and Compare (before/after with the run's input). `title` names
 * the image in each action's accessible name.
 */
export function ViewerActions({
  item,
  title,
  onClose,
}: {
  item: ViewerItem;
  title: string;
  onClose: () => void;
}) {
  const resultBlob = usePlaygroundStore((s) => s.resultBlob);
  const setInputFromResult = usePlaygroundStore((s) => s.useResultAsInput);
  const compare = useCompare();
  const [status, setStatus] = useState("");

  async function onDownload() {
    setStatus("Downloading…");
    const blob = await resultBlob(item.runId, item.index).catch(() => null);
    const done = await downloadImage(
      item.image.url,
      downloadFilename(item.seed, item.index, blob?.type || item.image.content_type),
      blob,
    );
    setStatus(
      done === "saved"
        ? "Downloaded"
        : done === "opened"
          ? "Opened in a new tab"
          : "Download failed",
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={ACTION} onClick={() => void onDownload()}>
        <ActionIcon>
          <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
        </ActionIcon>
        {/* On a phone the icon alone shows; the name is still read out. */}
        <span className="sr-only sm:not-sr-only">
          Download<Hidden> {title}</Hidden>
        </span>
      </button>
      <button
        type="button"
        className={ACTION}
        onClick={() => {
          setInputFromResult(item.image, { runId: item.runId });
          onClose();
          document
            .getElementById("image-panel-title")
            ?.scrollIntoView({ behavior: "smooth", block: "center" });
        }}
      >
        <ActionIcon>
          <path d="M11 2.5 13.5 5 6 12.5H3.5V10L11 2.5Z" />
        </ActionIcon>
        <span className="sr-only sm:not-sr-only">
          Use<Hidden> {title}</Hidden> as input
        </span>
      </button>
      <button
        type="button"
        className={ACTION}
        onClick={(event) =>
          compare.compareWithInput({ runId: item.runId, index: item.index }, event.currentTarget)
        }
      >
        <ActionIcon>
          <path d="M3.5 2.5h9a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1Z" />
          <path d="M8 1v14" />
        </ActionIcon>
        <span className="sr-only sm:not-sr-only">
          Compare<Hidden> {title} with its input</Hidden>
        </span>
      </button>
      <p aria-live="polite" className="text-xs text-neutral-300 empty:hidden">
        {status}
      </p>
    </div>
  );
}

function ActionIcon({ children }: { children: ReactNode }) {
  return <Icon strokeWidth={1.5}>{children}</Icon>;
}
