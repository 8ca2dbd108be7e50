/** `1.2 MB`, `830 KB`, `512 B` (decimal units, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${bytes} B`;
}

/** `64 MiB`, `16 KiB` or `1000 bytes`: a size limit in exact binary units, as error messages state it. */
export function formatBinaryBytes(bytes: number): string {
  const mib = 1024 * 1024;
  if (bytes >= mib && bytes % mib === 0) return `${bytes / mib} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * A whole number with thousands separators: `12,345` (as `toLocaleString("en-US")` writes it).
 * Not through `Intl`: its first use loads the browser's number-formatting data, which costs the
 * first screen tens of milliseconds of main-thread work on a phone.
 */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? "-" : "";
  const digits = String(Math.round(Math.abs(value)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
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
