"use client";

import { type RefObject, useEffect, useState } from "react";
import type { Box } from "@/lib/compare/view";

/** The content size of an element, kept up to date as it resizes. */
export function useElementSize(ref: RefObject<HTMLElement | null>): Box {
  const [size, setSize] = useState<Box>({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
