"use client";

import { createContext, type ReactNode, useContext } from "react";

/** Where images are cached in the browser (the playground's image store); read-only here. */
export interface ImageCache {
  /** The cached image at `url`, or null. Never rejects. */
  get: (url: string) => Promise<Blob | null>;
}

const ImageCacheContext = createContext<ImageCache | null>(null);

/**
 * Lets the images inside show from the browser's cache (so they still show once their URLs
 * expired). Without it (the share page) images are shown from their URLs.
 */
export function ImageCacheProvider({
  cache,
  children,
}: {
  cache: ImageCache | null;
  children: ReactNode;
}) {
  return <ImageCacheContext.Provider value={cache}>{children}</ImageCacheContext.Provider>;
}

/** The image cache of the page, or null when there is none. */
export function useImageCache(): ImageCache | null {
  return useContext(ImageCacheContext);
}
