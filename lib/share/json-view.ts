import { isDataUri, isOmittedDataUri } from "./recipe";

/**
 * JSON of a request or response for people to read: pretty-printed, with every data URI cut to
 * its header and size (`data:image/png;base64,… (123 KB)`), so a 5 MB input image does not fill
 * the view. For display only — the copy of record is the untouched object.
 */

/** "812 B", "123 KB" or "4.2 MB" (1 KB = 1,024 bytes). */
function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** How many bytes a data URI's payload holds (base64 decoded; otherwise its characters). */
function payloadBytes(header: string, payload: string): number {
  if (!/;base64$/i.test(header)) return payload.length;
  const padding = payload.endsWith("==") ? 2 : payload.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((payload.length * 3) / 4) - padding);
}

/**
 * A data URI shortened for display: `data:image/png;base64,… (123 KB)`; the omitted-data-URI
 * marker of a recipe reads `data URI (not carried by this link)`. Any other string is returned
 * as it is.
 */
export function shortenDataUri(value: string): string {
  if (isOmittedDataUri(value)) return "data URI (not carried by this link)";
  if (!isDataUri(value)) return value;
  const text = value.trim();
  const comma = text.indexOf(",");
  if (comma < 0) return value;
  const header = text.slice(0, comma);
  return `${header},… (${formatSize(payloadBytes(header, text.slice(comma + 1)))})`;
}

/** `value` as 2-space-indented JSON with every data URI string shortened (see {@link shortenDataUri}). */
export function displayJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, entry: unknown) => (typeof entry === "string" ? shortenDataUri(entry) : entry),
    2,
  );
}
