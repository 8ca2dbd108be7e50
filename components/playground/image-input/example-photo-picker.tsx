"use client";

import { useState } from "react";
import { usePlaygroundStore, usePlaygroundStoreApi } from "@/components/playground/store-provider";
import { Button } from "@/components/ui/button";
import {
  EXAMPLE_PHOTOS,
  type ExamplePhoto,
  examplePhotoUrl,
  exampleThumbUrl,
} from "./example-photos";

/**
 * One row of small example photos beside the empty drop zone: one click loads a photo as the
 * input through the same path as a dropped file (fetched from this site), and fills in a
 * matching edit when the prompt is empty; otherwise the prompt is kept and `onPromptKept` is
 * told, so the panel can offer the edit ({@link ExamplePromptNote}).
 */
export function ExamplePhotoPicker({
  onPromptKept,
}: {
  onPromptKept: (photo: ExamplePhoto | null) => void;
}) {
  const store = usePlaygroundStoreApi();
  const openFile = usePlaygroundStore((s) => s.openFile);
  const isPreparing = usePlaygroundStore((s) => s.isPreparingImage);
  const [error, setError] = useState<string | null>(null);

  async function choose(photo: ExamplePhoto) {
    setError(null);
    let file: File;
    try {
      const response = await fetch(examplePhotoUrl(photo));
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const blob = await response.blob();
      file = new File([blob], `${photo.id}.jpg`, { type: blob.type || "image/jpeg" });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : "network error";
      setError(`The example photo could not be loaded (${reason})`);
      return;
    }
    const isPromptEmpty = store.getState().prompt.trim() === "";
    if (isPromptEmpty) store.getState().setPrompt(photo.prompt);
    onPromptKept(isPromptEmpty ? null : photo);
    await openFile(file);
  }

  return (
    <div className="mt-2 flex flex-col gap-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <span id="example-photos-label" className="text-xs text-neutral-600 dark:text-neutral-400">
          No image at hand? Try one:
        </span>
        <ul aria-labelledby="example-photos-label" className="flex gap-1.5">
          {EXAMPLE_PHOTOS.map((photo) => (
            <li key={photo.id}>
              <button
                type="button"
                onClick={() => void choose(photo)}
                disabled={isPreparing}
                aria-label={`Use example photo: ${photo.name}`}
                title={`${photo.name}: “${photo.prompt}”`}
                className="block size-10 overflow-hidden rounded-md border border-neutral-300 bg-neutral-100 transition hover:border-accent-500 hover:ring-2 hover:ring-accent-500/30 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 disabled:opacity-60 dark:border-neutral-700 dark:bg-neutral-800"
              >
                {/* biome-ignore lint/performance/noImgElement: a 40 px static thumbnail from public/; next/image adds nothing. */}
                <img
                  src={exampleThumbUrl(photo)}
                  alt=""
                  width={photo.thumb.width}
                  height={photo.thumb.height}
                  decoding="async"
                  className="size-full object-cover"
                />
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div aria-live="polite" className="empty:hidden">
        {error ? (
          <p className="text-xs font-medium text-red-700 dark:text-red-400">{error}</p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * After an example photo was chosen with a prompt already written: says the prompt was kept and
 * offers the example's edit.
 */
export function ExamplePromptNote({ photo, onDone }: { photo: ExamplePhoto; onDone: () => void }) {
  const setPrompt = usePlaygroundStore((s) => s.setPrompt);
  return (
    <p className="mt-2 flex flex-wrap items-center gap-x-2 text-xs text-neutral-600 dark:text-neutral-400">
      <span>Your prompt was kept. Example edit for this photo: “{photo.prompt}”</span>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          setPrompt(photo.prompt);
          onDone();
        }}
      >
        Use example edit
      </Button>
    </p>
  );
}
