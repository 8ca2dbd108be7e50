/**
 * JSON documents the playground reads from files and links: parsing, the `{ format, version }`
 * header (zod issues are described by `./issues`, in its file-import style).
 */

/** The `format` of a run sidecar (and of the recipe a PNG carries). */
export const SIDECAR_FORMAT = "kontext-playground/run";
/** The `format` of an export's `manifest.json`. */
export const EXPORT_FORMAT = "kontext-playground/export";

/** Parses JSON text; null when it is not JSON. */
export function parseJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/**
 * Checks the `{ format, version }` header of a playground JSON document. Answers null when it is
 * a `format` document this version can read (version 1 to `maxVersion`), else a message naming what the document is. `noun` names the expected document
 * in messages ("run", "export manifest", …).
 */
export function checkDocumentHeader(
  value: unknown,
  format: string,
  noun: string,
  maxVersion: number,
): string | null {
  const not = `This JSON is not a Kontext Playground ${noun}`;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return `${not} (it is ${describeJson(value)}, not an object)`;
  }
  const header = value as { format?: unknown; version?: unknown };
  if (!("format" in header)) return `${not} (no 'format' field)`;
  if (header.format !== format) {
    if (header.format === SIDECAR_FORMAT) return `${not} (it is a Kontext Playground run)`;
    if (header.format === EXPORT_FORMAT) {
      return `${not} (it is a Kontext Playground export manifest)`;
    }
    return `${not} (its format is ${JSON.stringify(header.format)})`;
  }
  const version = header.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return `This Kontext Playground ${noun} has no valid 'version' field`;
  }
  if (version > maxVersion) {
    return (
      `This ${noun} was written by a newer version of Kontext Playground (format version ` +
      `${version}; this one reads up to ${maxVersion}). Update the playground to open it.`
    );
  }
  return null;
}
