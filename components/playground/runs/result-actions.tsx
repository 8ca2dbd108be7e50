"use client";

import { useState } from "react";
import { CompareActions } from "@/components/playground/compare-picks/compare-actions";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { useWorkspaceView } from "@/components/playground/workspace/workspace-view";
import type { KontextImage } from "@/lib/kontext/schema";
import { Hidden, ResultActionButton } from "./result-action-button";
import { isDataUri } from "./result-format";
import { PinPreviewAction } from "./result-pin-action";
import { useDownloadResult } from "./use-download-result";
import { FAILURES, type Outcome, useOutcome } from "./use-result-outcome";

/**
 * Download, copy, edit further, compare and pin as a LoRA's preview one result image (remix is on
 * the run). As a `menu` (the stage's "More"), stacked and without Download (the stage shows it
 * beside the image).
 */
export function ResultActions({
  runId,
  runNumber,
  index,
  image,
  seed,
  layout = "row",
}: {
  runId: string;
  runNumber: number;
  index: number;
  image: KontextImage;
  seed: number;
  layout?: "row" | "menu";
}) {
  const setInputFromResult = usePlaygroundStore((s) => s.useResultAsInput);
  const download = useDownloadResult(runId, index, image, seed);
  const workspace = useWorkspaceView();
  const [outcome, setOutcome] = useOutcome();
  // What pinning did, in words (it names the LoRA).
  const [pinMessage, setPinMessage] = useState("");
  const result = ` result ${index + 1} of run ${runNumber}`;
  const copyWhat = isDataUri(image.url) ? "data URI" : "URL";

  async function onDownload() {
    if (outcome === "downloading") return;
    setOutcome("downloading");
    setOutcome(await download());
  }

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(image.url);
      setOutcome("copied");
    } catch {
      setOutcome("copy-failed");
    }
  }

  function onUseAsInput() {
    setInputFromResult(image, { runId });
    setOutcome("used");
    // On a phone the image panel is in the edit view.
    workspace?.show("edit");
    document
      .getElementById("image-panel-title")
      ?.scrollIntoView({ behavior: "smooth", block: "center" });
  }

  const message: Record<Outcome, string> = {
    downloading: "Downloading…",
    "download-failed": "Download failed",
    opened: "Opened in new tab",
    copied: `Copied the ${copyWhat}`,
    "copy-failed": "Copy failed",
    used: "Now the input image",
    pinning: "Pinning…",
    pinned: pinMessage,
    "pin-failed": pinMessage,
  };

  return (
    <div
      className={
        layout === "menu"
          ? "flex flex-col items-stretch gap-1 [&>button]:justify-start"
          : "flex flex-wrap items-center gap-1.5"
      }
    >
      {layout === "row" ? (
        <ResultActionButton icon="download" onClick={() => void onDownload()}>
          Download<Hidden>{result}</Hidden>
        </ResultActionButton>
      ) : null}
      <ResultActionButton icon="copy" onClick={() => void onCopy()}>
        Copy {copyWhat}
        <Hidden> of{result}</Hidden>
      </ResultActionButton>
      <ResultActionButton icon="edit" onClick={onUseAsInput}>
        Use<Hidden>{result}</Hidden> as input
      </ResultActionButton>
      <CompareActions runId={runId} runNumber={runNumber} index={index} />
      <PinPreviewAction
        runId={runId}
        runNumber={runNumber}
        index={index}
        onPinning={() => setOutcome("pinning")}
        onPinned={(pinned) => {
          setPinMessage(
            pinned.ok
              ? `Pinned as the preview of ${pinned.name}${pinned.isNewToLibrary ? ", now in your LoRA library" : ""}`
              : `Not pinned: ${pinned.message}`,
          );
          setOutcome(pinned.ok ? "pinned" : "pin-failed");
        }}
      />
      {/* Always rendered, so what an action did is announced as well as shown. */}
      <p
        aria-live="polite"
        className={`text-xs ${
          FAILURES.has(outcome)
            ? "font-medium text-red-700 dark:text-red-400"
            : "text-neutral-600 dark:text-neutral-400"
        }`}
      >
        {outcome ? (
          <>
            <Hidden>
              Result {index + 1} of run {runNumber}:{" "}
            </Hidden>
            {message[outcome]}
          </>
        ) : null}
      </p>
    </div>
  );
}
