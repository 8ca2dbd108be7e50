"use client";

import { type DragEvent, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import { ACCEPTED_IMAGE_TYPES } from "@/lib/domain/image-types";
import type { AxisInput } from "@/lib/store/outcomes";
import { imageLabels } from "@/lib/sweep/axis";

const ACCEPT = Object.keys(ACCEPTED_IMAGE_TYPES).join(",");

/**
 * The values of an "Input image" axis: a thumbnail per image with the label its row or column
 * will show and a remove button; images are added by choosing or dropping several files, and the
 * form's current input image can be one of them.
 */
export function SweepImageValues({
  id,
  index,
  axis,
}: {
  id: string;
  index: number;
  axis: AxisInput;
}) {
  const files = usePlaygroundStore((s) => s.sweepImageFiles);
  const reading = usePlaygroundStore((s) => s.readingSweepImages.length);
  const current = usePlaygroundStore(
    useShallow((s) => (s.image ? { name: s.image.name, url: s.image.previewUrl } : null)),
  );
  const error = usePlaygroundStore((s) => s.sweepImageError);
  const addSweepImages = usePlaygroundStore((s) => s.addSweepImages);
  const removeSweepImage = usePlaygroundStore((s) => s.removeSweepImage);
  const setSweepForm = usePlaygroundStore((s) => s.setSweepForm);
  const sweepForm = usePlaygroundStore((s) => s.sweepForm);
  const inputRef = useRef<HTMLInputElement>(null);
  const [isOver, setIsOver] = useState(false);

  const images = axis.images ?? [];
  const shown = images.map((choice) => {
    if (choice.source === "current") {
      return { id: choice.id, name: current?.name ?? "Current input image", url: current?.url };
    }
    const entry = files[choice.id];
    return { id: choice.id, name: choice.name, url: entry?.previewUrl, size: entry };
  });
  const labels = imageLabels(shown.map((image) => image.name));
  const hasCurrent = images.some((choice) => choice.source === "current");

  function addCurrent() {
    setSweepForm(
      sweepForm.map((entry, position) =>
        position === index
          ? { ...entry, images: [{ source: "current", id: "current" }, ...images] }
          : entry,
      ),
    );
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    // The page's own drop target (which opens a file in the form) must not see it too.
    event.stopPropagation();
    setIsOver(false);
    void addSweepImages(index, [...event.dataTransfer.files]);
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop area; the button and file input are the keyboard way in.
    <div
      onDragOver={(event) => {
        event.preventDefault();
        event.stopPropagation();
        setIsOver(true);
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={onDrop}
      className={`flex flex-col gap-2 rounded-md border border-dashed p-2 ${
        isOver
          ? "border-accent-500 bg-accent-50 dark:bg-accent-700/20"
          : "border-neutral-300 dark:border-neutral-700"
      }`}
    >
      {shown.length > 0 ? (
        <ul aria-label={`Images of axis ${index + 1}`} className="flex flex-col gap-1.5">
          {shown.map((image, position) => (
            <li key={image.id} className="flex items-center gap-2">
              {image.url ? (
                // biome-ignore lint/performance/noImgElement: an object URL thumbnail.
                <img
                  src={image.url}
                  alt=""
                  className="size-10 shrink-0 rounded bg-neutral-100 object-cover dark:bg-neutral-800"
                />
              ) : (
                <span className="size-10 shrink-0 rounded bg-neutral-100 dark:bg-neutral-800" />
              )}
              <span className="flex min-w-0 flex-1 flex-col">
                <span className="truncate text-sm font-medium text-neutral-900 dark:text-neutral-100">
                  {labels[position]}
                </span>
                <span className="truncate text-xs text-neutral-600 dark:text-neutral-400">
                  {image.id === "current"
                    ? "Current input image"
                    : image.size
                      ? `${image.size.width}×${image.size.height} px`
                      : "Reading…"}
                </span>
              </span>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => void removeSweepImage(index, image.id)}
                aria-label={`Remove ${labels[position]} from axis ${index + 1}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" variant="secondary" onClick={() => inputRef.current?.click()}>
          Add images…
        </Button>
        {!hasCurrent && current ? (
          <Button size="sm" variant="ghost" onClick={addCurrent}>
            Use the current input image
          </Button>
        ) : null}
        <span className="text-xs text-neutral-600 dark:text-neutral-400">or drop them here</span>
        <input
          ref={inputRef}
          id={`${id}-files`}
          type="file"
          multiple
          accept={ACCEPT}
          aria-label={`Add images to axis ${index + 1}`}
          className="sr-only"
          tabIndex={-1}
          onChange={(event) => {
            const chosen = [...(event.target.files ?? [])];
            event.target.value = "";
            if (chosen.length > 0) void addSweepImages(index, chosen);
          }}
        />
      </div>
      <div aria-live="polite" className="text-xs">
        {reading > 0 ? (
          <p className="text-neutral-600 dark:text-neutral-400">Reading the images…</p>
        ) : null}
        {error ? <p className="font-medium text-red-700 dark:text-red-400">{error}</p> : null}
      </div>
    </div>
  );
}
