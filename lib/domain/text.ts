/** `1.2 MB`, `830 KB`, `512 B` (decimal units, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${bytes} B`;
}

/** A whole number with thousands separators: `12,345`. */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

/** Whether `value` is a data URI (any `data:` URL; leading white space allowed). */
export function isDataUri(value: string): boolean {
  return /^\s*data:/i.test(value);
}

/** Whether `value` is an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}
