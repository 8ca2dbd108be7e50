/**
 * A visitor's own fal key ("Use my own fal key"): kept in this tab only — sessionStorage, or
 * memory when storage is unavailable — never in IndexedDB, exports, share links or logs. The
 * playground's fal client sends it to this app's proxy as `Authorization: Key …`; the proxy
 * forwards it to fal instead of the server's key, so the server key's quota, spend cap and
 * access code do not apply (the visitor's account pays).
 */

const STORAGE_KEY = "kontext.visitorFalKey";
const KEY_SHAPE = /^[\x21-\x7e]{8,512}$/;

let memoryKey: string | undefined;
const listeners = new Set<() => void>();

function session(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null; // storage disabled (privacy settings, sandboxed frames)
  }
}

/**
 * Stores the visitor's key for this tab. Accepts the key with or without a leading `Key `;
 * throws a RangeError naming the problem when it is not 8–512 printable characters.
 */
export function setVisitorFalKey(value: string): void {
  const key = value.trim().replace(/^Key\s+/i, "");
  if (!KEY_SHAPE.test(key)) {
    throw new RangeError("A fal key is 8 to 512 printable characters, without spaces");
  }
  memoryKey = key;
  try {
    session()?.setItem(STORAGE_KEY, key);
  } catch {
    // quota or privacy mode: the in-memory copy still works for this page's life
  }
  for (const listener of listeners) listener();
}

/** Forgets the visitor's key (this tab's storage and memory). */
export function clearVisitorFalKey(): void {
  memoryKey = undefined;
  try {
    session()?.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
  for (const listener of listeners) listener();
}

/** The visitor's key, or undefined. Read per request by the playground's fal client. */
export function getVisitorFalKey(): string | undefined {
  if (memoryKey) return memoryKey;
  try {
    const stored = session()?.getItem(STORAGE_KEY) ?? undefined;
    return stored && KEY_SHAPE.test(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** True when runs go out on the visitor's own key. */
export function hasVisitorFalKey(): boolean {
  return getVisitorFalKey() !== undefined;
}

/** Calls `listener` whenever the key is set or cleared; returns an unsubscribe function. */
export function onVisitorFalKeyChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
