import { isPng } from "./png-signature";

/**
 * What a file opened in the app is taken for: an export zip, a JSON file (a run's sidecar or an
 * exported library), a PNG (which may carry a run's settings), or any other image.
 */
export type OpenedFileKind = "zip" | "json" | "png" | "image";

const ZIP_TYPES = new Set(["application/zip", "application/x-zip-compressed"]);

/**
 * The kind of an opened file, from its first bytes (`head`, at least 8 of them when the file has
 * them), its type and its name. Small and apart from the readers, so a plain image is recognised
 * without loading any of them.
 */
export function openedFileKind(
  file: Pick<File, "name" | "type">,
  head: Uint8Array,
): OpenedFileKind {
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  if (isZip || ZIP_TYPES.has(file.type) || /\.zip$/i.test(file.name)) return "zip";
  if (file.type === "application/json" || /\.json$/i.test(file.name)) return "json";
  return isPng(head) ? "png" : "image";
}
