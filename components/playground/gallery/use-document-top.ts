"use client";

import { type RefObject, useLayoutEffect, useState } from "react";

/**
 * How far an element's top is from the top of the document, in CSS pixels, kept up to date as
 * anything above it changes size (the form above the results on phones, an alert, the toolbar):
 * the ancestors it sits in grow or shrink with them.
 */
export function useDocumentTop(ref: RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setTop(Math.round(element.getBoundingClientRect().top + window.scrollY));
    measure();
    const observer = new ResizeObserver(measure);
    for (let node = element.parentElement; node; node = node.parentElement) observer.observe(node);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [ref]);
  return top;
}
