/**
 * `load` called once, at the first call that needs what it loads; a failed load (e.g. a chunk that
 * could not be fetched) is tried again at the next call. Code loaded this way (`import()`) is not in
 * the first screen's JavaScript.
 */
export function loadOnce<T>(load: () => T | Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => {
    const current = loaded ?? Promise.resolve().then(load);
    loaded = current;
    current.catch(() => {
      if (loaded === current) loaded = null;
    });
    return current;
  };
}
