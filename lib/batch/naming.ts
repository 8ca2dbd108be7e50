/**
 * Names in a batch export: each output is named after its input (`chair-003.jpg` →
 * `chair-003.kontext.png`, its sidecar `chair-003.kontext.json`), unique within the export even
 * on case-insensitive disks, and safe on every system (no folders, no reserved or hidden names,
 * no characters Windows or a shell would trip on). The CSV manifest is RFC 4180 and safe to open
 * in a spreadsheet: no cell can start a formula.
 */

/** What an output's name adds to its input's: `chair-003` → `chair-003.kontext.png`. */
export const OUTPUT_TAG = "kontext";
/** The longest stem kept (characters), so names stay well under every file system's limit. */
export const MAX_STEM_CHARS = 80;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** The last segment of a URL's path (decoded), or its host when the path has none. */
function urlName(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    const segment = url.pathname.split("/").filter(Boolean).pop();
    if (!segment) return url.hostname;
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  } catch {
    return null;
  }
}

/**
 * A safe file-name stem for an input named `input` (a file name, a path inside a zip, or a URL):
 * folders and the extension dropped, anything but letters, digits, `-`, `_` and `.` turned into
 * `-`, no leading dots or dashes, at most {@link MAX_STEM_CHARS}; `image` when nothing is left.
 */
export function stemOf(input: string): string {
  const name = urlName(input) ?? input.split(/[\\/]/).pop() ?? "";
  const withoutExtension = name.replace(/\.[A-Za-z0-9]{1,5}$/, "");
  const safe = withoutExtension
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}_.-]+/gu, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[.-]+|[.-]+$/g, "")
    .slice(0, MAX_STEM_CHARS)
    .replace(/[.-]+$/, "");
  if (safe === "") return "image";
  return WINDOWS_RESERVED.test(safe) ? `${safe}-image` : safe;
}

/** One item's names in the export. */
export interface ExportNames {
  /** The unique stem (`chair-003`, `chair-003-2` for a second `chair-003`). */
  stem: string;
  /** Output image file names, one per output image (`chair-003.kontext.png`, `…kontext-2.png`). */
  outputs: string[];
  /** The JSON sidecar's file name (`chair-003.kontext.json`). */
  sidecar: string;
}

/** What names are made from: the input's name, how many output images, and their extensions. */
export interface NamingInput {
  input: string;
  /** One extension per output image (`png`, `jpeg` → `jpg`). */
  extensions: readonly string[];
}

function extensionOf(value: string): string {
  const clean = value.toLowerCase().replace(/[^a-z0-9]/g, "");
  return clean === "jpeg" ? "jpg" : clean || "bin";
}

/**
 * The export names of every item, in order: unique case-insensitively (a repeated stem gets
 * `-2`, `-3` … in input order, skipping stems taken by other inputs).
 */
export function exportNames(items: readonly NamingInput[]): ExportNames[] {
  const stems = items.map((item) => stemOf(item.input));
  const taken = new Set(stems.map((stem) => stem.toLowerCase()));
  const used = new Set<string>();
  return items.map((item, index) => {
    const base = stems[index] as string;
    let stem = base;
    for (let n = 2; used.has(stem.toLowerCase()); n++) {
      stem = `${base}-${n}`;
      // A made-up stem must not take the name of another input's own stem.
      while (taken.has(stem.toLowerCase()) && stem.toLowerCase() !== base.toLowerCase()) {
        n += 1;
        stem = `${base}-${n}`;
      }
    }
    used.add(stem.toLowerCase());
    const outputs = item.extensions.map(
      (extension, i) =>
        `${stem}.${OUTPUT_TAG}${i === 0 ? "" : `-${i + 1}`}.${extensionOf(extension)}`,
    );
    return { stem, outputs, sidecar: `${stem}.${OUTPUT_TAG}.json` };
  });
}

/** One row of the manifest. */
export interface ManifestRow {
  /** The input's name (file name, zip path or URL). */
  input: string;
  /** Output files in the export, or none (failed, not run, left out of a kept-only export). */
  outputFiles: readonly string[];
  prompt: string;
  seed: number | null;
  /** Output size (the real one, else the predicted one). */
  size: { width: number; height: number } | null;
  priceUsd: number | null;
  status: string;
  error: string | null;
}

/** The manifest's header, in column order. */
export const MANIFEST_COLUMNS = [
  "input",
  "output file",
  "prompt",
  "seed",
  "size",
  "price",
  "status",
  "error",
] as const;

/**
 * One CSV cell: text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a
 * tab or a carriage return) gets a leading `'`; cells with commas, quotes or line breaks are
 * quoted, quotes doubled (RFC 4180).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The manifest CSV (header + a row per item, CRLF line ends): several output files are joined
 * by `;`, the size is `W×H`, the price `0.035` (US dollars).
 */
export function manifestCsv(rows: readonly ManifestRow[]): string {
  const lines = [MANIFEST_COLUMNS.join(",")];
  for (const row of rows) {
    const cells = [
      row.input,
      row.outputFiles.join(";"),
      row.prompt,
      row.seed === null ? "" : String(row.seed),
      row.size ? `${row.size.width}x${row.size.height}` : "",
      row.priceUsd === null ? "" : String(row.priceUsd),
      row.status,
      row.error ?? "",
    ];
    lines.push(cells.map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
