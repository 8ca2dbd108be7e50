"use client";

import { useEffect, useState } from "react";
import { useImageCache } from "./image-cache";

/** Where an image is shown from: its cached copy, else its URL; `isLoading` until that is known. */
export interface ImageSource {
  src: string | null;
  isLoading: boolean;
}

/**
 * The `src` to show an image at `url`: an object URL of the browser's cached copy when there is
 * one (so history still shows once the URL expired or the engine was wiped), else the URL itself.
 * Data URIs are used as they are, and so is the URL while `isUrlFirst` (a result just made, whose
 * URL surely works: no cache lookup delays it). The object URL is revoked when the component
 * unmounts or the URL changes.
 */
export function useImageSrc(url: string, { isUrlFirst = false } = {}): ImageSource {
  // Outside a playground (the share page) there is no cache and the URL is used as it is.
  const images = useImageCache();
  const isDirect = isUrlFirst || !images || url === "" || /^data:/i.test(url);
  const [resolved, setResolved] = useState<{ url: string; src: string } | null>(null);

  useEffect(() => {
    if (isDirect || !images) return;
    let objectUrl: string | null = null;
    let isCurrent = true;
    void images.get(url).then((blob) => {
      if (!isCurrent) return;
      objectUrl = blob ? URL.createObjectURL(blob) : null;
      setResolved({ url, src: objectUrl ?? url });
    });
    return () => {
      isCurrent = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [images, url, isDirect]);

  if (isDirect) return { src: url, isLoading: false };
  if (resolved?.url === url) return { src: resolved.src, isLoading: false };
  return { src: null, isLoading: true };
}
