"use client";

import { useEffect, useState } from "react";
import type { KontextImage } from "@/lib/kontext/schema";
import { downloadImage, ResultActionButton } from "./result-action-button";
import { downloadFilename, isDataUri } from "./result-format";
import { usePlaygroundStore } from "./store-provider";

type Flash = "idle" | "busy" | "done" | "failed";

/** Download, copy, edit further and reuse settings for one result image. */
export function ResultActions({
  runId,
  index,
  image,
  seed,
}: {
  runId: string;
  index: number;
  image: KontextImage;
  seed: number;
}) {
  const setInputFromResult = usePlaygroundStore((s) => s.useResultAsInput);
  const reuseSettings = usePlaygroundStore((s) => s.reuseSettings);
  const [download, setDownload] = useFlash();
  const [copy, setCopy] = useFlash();
  const [reuse, setReuse] = useFlash();
  const number = index + 1;

  async function onDownload() {
    if (download === "busy") return;
    setDownload("busy");
    const ok = await downloadImage(image.url, downloadFilename(seed, index, image.content_type));
    setDownload(ok ? "idle" : "failed");
  }

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(image.url);
      setCopy("done");
    } catch {
      setCopy("failed");
    }
  }

  function onUseAsInput() {
    setInputFromResult(image);
    document
      .getElementById("image-panel-title")
      ?.scrollIntoView({ behavior: "smooth", block: "center" });
  }

  function onReuse() {
    reuseSettings(runId, { withSeed: true });
    setReuse("done");
  }

  const downloadLabel =
    download === "busy" ? "Downloading…" : download === "failed" ? "Opened in new tab" : "Download";
  const copyLabel = isDataUri(image.url) ? "Copy data URI" : "Copy URL";
  return (
    <div className="flex flex-wrap gap-1.5">
      <ResultActionButton
        icon="download"
        number={number}
        label={downloadLabel}
        onClick={() => void onDownload()}
      />
      <ResultActionButton
        icon="copy"
        number={number}
        label={copy === "done" ? "Copied" : copy === "failed" ? "Copy failed" : copyLabel}
        onClick={() => void onCopy()}
      />
      <ResultActionButton icon="edit" number={number} label="Use as input" onClick={onUseAsInput} />
      <ResultActionButton
        icon="reuse"
        number={number}
        label={reuse === "done" ? "Settings reused" : "Reuse settings"}
        onClick={onReuse}
      />
    </div>
  );
}

/** A short-lived state that falls back to `idle` 2 s after it is set (except while busy). */
function useFlash(): [Flash, (value: Flash) => void] {
  const [state, setState] = useState<Flash>("idle");
  useEffect(() => {
    if (state === "idle" || state === "busy") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return [state, setState];
}
