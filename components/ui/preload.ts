"use client";

/** How long {@link preloadWhenIdle} waits at most for the browser to be idle. */
const IDLE_TIMEOUT_MS = 3_000;

/**
 * Starts `load` (an `import()` of code that loads on demand) once the browser is idle after the
 * first screen, so the code is there by the time a person needs it; a failed load is ignored here
 * (the component that needs the code loads it again, and shows its own error). Returns a cleanup
 * for an effect.
 */
export function preloadWhenIdle(load: () => Promise<unknown>): () => void {
  const start = () => void load().catch(() => {});
  if (typeof requestIdleCallback !== "function") {
    const timer = setTimeout(start, 0);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS });
  return () => cancelIdleCallback(handle);
}
