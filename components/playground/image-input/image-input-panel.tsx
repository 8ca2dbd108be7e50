"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { BatchLaunchButton } from "@/components/playground/batch/batch-launch-button";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { focusAfterRender } from "@/components/ui/focus";
import { LoadingNote } from "@/components/ui/loading";
import { onDemand } from "@/components/ui/on-demand";
import { Panel } from "@/components/ui/panel";
import { preloadWhenIdle } from "@/components/ui/preload";
import { ExamplePhotoPicker, ExamplePromptNote } from "./example-photo-picker";
import type { ExamplePhoto } from "./example-photos";
import { ImageDownscaleSetting } from "./image-downscale-setting";
import { IMAGE_DROP_ZONE_ID, ImageDropPrompt } from "./image-drop-prompt";
import { ImageMessages, useHasImageAreaError, useImageErrorIds } from "./image-messages";
import { IMAGE_REPLACE_BUTTON_ID } from "./image-replace-id";
import { ImageUrlField } from "./image-url-field";
import { useImageDrop } from "./use-image-drop";
import { usePasteImage } from "./use-paste-image";

// The preview's code loads when the browser is idle after the first screen (which has no image),
// or with the first image; so does the store's code that reads images (`loadInputEngine`).
const preview = onDemand(
  () => import("./image-preview").then((m) => m.ImagePreview),
  <LoadingNote what="the image" />,
);

/** The image to edit: drop, browse, paste or a URL; a preview; the downscale setting. */
export function ImageInputPanel() {
  const openFile = usePlaygroundStore((s) => s.openFile);
  const loadInputEngine = usePlaygroundStore((s) => s.loadInputEngine);
  const hasImage = usePlaygroundStore((s) => s.image !== null);
  const hasImageError = useHasImageAreaError();
  const errorIds = useImageErrorIds();
  const [keptExample, setKeptExample] = useState<ExamplePhoto | null>(null);
  /** The file chooser is open: once it closes, focus goes back to the image area. */
  const isChoosing = useRef(false);
  usePasteImage();
  useEffect(
    () => preloadWhenIdle(() => Promise.all([preview.preload(), loadInputEngine()])),
    [loadInputEngine],
  );

  // Any file goes to the store: an export zip or a run's JSON is opened as such, and the image
  // checks say why anything else cannot be used. A PNG carrying a run's settings restores them
  // (the notice offers to use it as the input instead).
  const onFile = useCallback(
    async (file: File) => {
      const wasChoosing = isChoosing.current;
      isChoosing.current = false;
      setKeptExample(null);
      await openFile(file);
      // The button that opened the chooser may be gone (the preview replaced the drop zone).
      if (wasChoosing) focusImageArea();
    },
    [openFile],
  );
  const onCancel = useCallback(() => {
    isChoosing.current = false;
    focusImageArea();
  }, []);
  const drop = useImageDrop({ onFile, onCancel });
  const { isDragActive, open: openChooser } = drop;
  const open = useCallback(() => {
    isChoosing.current = true;
    openChooser();
  }, [openChooser]);

  return (
    <Panel title="Image" titleId="image-panel-title" actions={<BatchLaunchButton />}>
      <div>
        <div {...drop.rootProps} className="relative rounded-lg">
          <input
            {...drop.inputProps}
            aria-label="Upload image"
            aria-invalid={hasImageError || Boolean(errorIds) || undefined}
            aria-describedby={errorIds}
            // Hidden: moving focus to an image error lands on the visible button instead.
            data-focus-instead={hasImage ? IMAGE_REPLACE_BUTTON_ID : IMAGE_DROP_ZONE_ID}
          />
          {hasImage ? (
            <>
              <preview.Component onReplace={open} />
              {isDragActive ? <DropOverlay /> : null}
            </>
          ) : (
            <ImageDropPrompt onBrowse={open} isDragActive={isDragActive} errorIds={errorIds} />
          )}
        </div>
        <ImageMessages />
        {hasImage ? null : <ExamplePhotoPicker onPromptKept={setKeptExample} />}
        {hasImage && keptExample ? (
          <ExamplePromptNote photo={keptExample} onDone={() => setKeptExample(null)} />
        ) : null}
      </div>
      <ImageUrlField />
      <ImageDownscaleSetting />
    </Panel>
  );
}

/** Focus on the image area: the preview's Replace button, else the empty drop zone. */
function focusImageArea(): void {
  focusAfterRender([IMAGE_REPLACE_BUTTON_ID, IMAGE_DROP_ZONE_ID]);
}

function DropOverlay() {
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center rounded-lg border-2 border-dashed border-accent-500 bg-accent-50/90 text-sm font-medium text-accent-700 dark:border-accent-400 dark:bg-neutral-950/85 dark:text-accent-100">
      Drop to replace the image
    </div>
  );
}
