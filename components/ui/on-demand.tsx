"use client";

import {
  type ComponentType,
  lazy,
  type ReactNode,
  Suspense,
  useState,
  useSyncExternalStore,
} from "react";

/** A component whose code loads on demand (see {@link onDemand}). */
export interface OnDemand<P extends object> {
  /** Renders the component: at once when its code is here, else `loading` until it arrives. */
  Component: ComponentType<P>;
  /** Loads the code (once), e.g. when the browser is idle: see `preloadWhenIdle`. */
  preload: () => Promise<unknown>;
}

/**
 * A component whose code is not in the first screen's JavaScript: `load` (an `import()`) runs at
 * its first render, or earlier through `preload`. Unlike a bare `React.lazy`, a component whose
 * code has already loaded renders in the same frame, without showing `loading` for a frame; each
 * mounted instance keeps the component it started with, so nothing inside it remounts.
 */
export function onDemand<P extends object>(
  load: () => Promise<ComponentType<P>>,
  loading: ReactNode = null,
): OnDemand<P> {
  let loaded: ComponentType<P> | null = null;
  let loadingPromise: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    loadingPromise ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        // A failed load (e.g. a chunk that could not be fetched) is tried again next time.
        loadingPromise = null;
        throw error;
      },
    );
    return loadingPromise;
  };
  const Lazy = lazy(async () => ({ default: await preload() }));
  function Deferred(props: P) {
    return (
      <Suspense fallback={loading}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  function Component(props: P) {
    const [Chosen] = useState<ComponentType<P>>(() => loaded ?? Deferred);
    return <Chosen {...props} />;
  }
  return { Component, preload };
}

const subscribeToNothing = () => () => {};

/**
 * Whether this render is in the browser after hydration: false on the server and while hydrating
 * (so both render the same), true from then on.
 */
function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

/**
 * A component that renders only in the browser, its code loaded at its first render there (see
 * {@link onDemand}): the server, and hydration, render `loading`. This is `next/dynamic` with
 * `ssr: false` without Next's loader in the first screen's JavaScript, and without the
 * bailed-out Suspense boundary that makes React render the part again inside hydration.
 */
export function clientOnly<P extends object>(
  load: () => Promise<ComponentType<P>>,
  loading: ReactNode = null,
): ComponentType<P> {
  const { Component } = onDemand(load, loading);
  return function ClientOnly(props: P) {
    return useIsHydrated() ? <Component {...props} /> : loading;
  };
}
