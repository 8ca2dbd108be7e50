"use client";

import { type DragEvent, useId, useState } from "react";
import { OWN_DROP_ZONE } from "@/components/playground/image-input/file-drop-target";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button, buttonClass } from "@/components/ui/button";
import { MAX_BATCH_ITEMS } from "@/lib/batch/list";

const ACCEPT = "image/*,.zip,application/zip,.csv,text/csv,.txt,text/plain";

/**
 * Where a batch's images come from: dropped or chosen files (images, zips of images, a CSV or
 * URL list), a whole folder, or a pasted list of image URLs or a CSV.
 */
export function BatchSources() {
  const addBatchFiles = usePlaygroundStore((s) => s.addBatchFiles);
  const addBatchList = usePlaygroundStore((s) => s.addBatchList);
  const isReading = usePlaygroundStore((s) => s.isReadingBatchInputs);
  const [isOver, setIsOver] = useState(false);
  const [list, setList] = useState("");
  const listId = useId();

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    // Handled here (OWN_DROP_ZONE): the page-wide drop target leaves it alone.
    event.preventDefault();
    setIsOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) void addBatchFiles(files);
  };

  const chosen = (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    // Cleared, so choosing the same files again adds (and reports) them again.
    input.value = "";
    if (files.length > 0) void addBatchFiles(files);
  };

  return (
    <section aria-labelledby="batch-sources-title" className="flex flex-col gap-3">
      <h3 id="batch-sources-title" className="text-sm font-semibold">
        Images
      </h3>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop area; the buttons inside are the keyboard's way in. */}
      <div
        {...OWN_DROP_ZONE}
        onDragOver={(event) => {
          event.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed p-4 text-center text-sm ${
          isOver
            ? "border-accent-500 bg-accent-50 dark:bg-accent-700/20"
            : "border-neutral-300 dark:border-neutral-700"
        }`}
      >
        <p className="text-neutral-700 dark:text-neutral-300">
          Drop images, a folder&apos;s files, a zip or a CSV here — up to {MAX_BATCH_ITEMS} images.
        </p>
        <div className="flex flex-wrap justify-center gap-2">
          <label className={buttonClass("secondary", "sm", "cursor-pointer")}>
            Add images
            <input
              type="file"
              multiple
              accept={ACCEPT}
              className="sr-only"
              onChange={(event) => chosen(event.currentTarget)}
            />
          </label>
          <label className={buttonClass("secondary", "sm", "cursor-pointer")}>
            Add a folder
            <input
              type="file"
              multiple
              className="sr-only"
              // Not in React's types: the browser's folder chooser.
              {...{ webkitdirectory: "", directory: "" }}
              onChange={(event) => chosen(event.currentTarget)}
            />
          </label>
        </div>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={listId} className="text-sm font-medium">
          Image URLs or CSV
        </label>
        <textarea
          id={listId}
          value={list}
          onChange={(event) => setList(event.target.value)}
          rows={3}
          spellCheck={false}
          placeholder={"https://example.com/chair-001.jpg\nor a CSV: url,prompt"}
          className="w-full rounded-md border border-neutral-300 bg-white px-3 py-2 font-mono text-xs dark:border-neutral-700 dark:bg-neutral-950"
        />
        <p className="text-xs text-neutral-600 dark:text-neutral-400">
          One URL a line, or a CSV with a <code>url</code> (or <code>file</code>) column and an
          optional <code>prompt</code> column for each image&apos;s own prompt.
        </p>
        <div className="flex items-center gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={list.trim() === "" || isReading}
            onClick={() => {
              void addBatchList(list).then(() => setList(""));
            }}
          >
            Add list
          </Button>
          <output aria-live="polite" className="text-xs text-neutral-600 dark:text-neutral-400">
            {isReading ? "Reading images…" : null}
          </output>
        </div>
      </div>
    </section>
  );
}
