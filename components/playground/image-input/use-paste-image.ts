"use client";

import { useEffect } from "react";
import { usePlaygroundStore } from "@/components/playground/store-provider";
import { isTextEntryTarget, pickPastedImage } from "./image-paste";

/** Pasting an image anywhere on the page (Ctrl/⌘+V) makes it the input image. */
export function usePasteImage(): void {
  const setImageFile = usePlaygroundStore((s) => s.setImageFile);

  useEffect(() => {
    function onPaste(event: ClipboardEvent) {
      if (event.defaultPrevented || !event.clipboardData) return;
      const file = pickPastedImage(event.clipboardData, isTextEntryTarget(event.target));
      if (!file) return;
      event.preventDefault();
      void setImageFile(file);
    }
    window.addEventListener("paste", onPaste);
    return () => window.removeEventListener("paste", onPaste);
  }, [setImageFile]);
}
