import { formatCount, isHttpUrl } from "@/lib/domain/text";
import { PLAYGROUND_LIMITS } from "@/lib/kontext/endpoint";

/**
 * Pasted lists of batch inputs: a plain list of image URLs (one per line; blank lines and lines
 * starting with `#` are ignored) or a CSV (RFC 4180: comma separated, fields in double quotes may
 * hold commas, line breaks and `""` for a quote) whose header names an image column — `url`,
 * `image`, `image_url` or `file`, any case — and optionally a `prompt` column with a per-image
 * instruction. Pure; every problem names its line.
 */

/** The most images one batch may hold. */
export const MAX_BATCH_ITEMS = 500;

/** Header names of the image column, lower case. */
const IMAGE_COLUMNS = ["url", "image_url", "image", "file"] as const;

/** Where one listed image comes from: a URL, or the name of a file dropped with the list. */
export type ListSource = { kind: "url"; url: string } | { kind: "file"; name: string };

/** One image of a pasted list. */
export interface ListItem {
  /** The (first) line it was on, 1-based. */
  line: number;
  source: ListSource;
  /** The per-image prompt from a CSV's `prompt` column; null when none was given. */
  prompt: string | null;
}

/** What a pasted list gave. */
export interface ParsedList {
  /** `url` for a plain list, `csv` for a CSV with a header. */
  format: "url" | "csv";
  /** The usable images, in list order, at most `max`. */
  items: ListItem[];
  /** Rows left out, each `Line 4: not an http(s) URL`. */
  problems: string[];
  /** Usable rows beyond the limit, left out. */
  overLimit: ListItem[];
}

/** One CSV record: its fields and the line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into records (RFC 4180; CRLF or LF line ends). Empty lines and lines starting
 * with `#` are skipped. Throws a `SyntaxError` naming the line of a quote left open.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let isQuoted = false;
  let isQuotedField = false;
  let openedAt = 0;
  const endRecord = () => {
    fields.push(field);
    const isBlank = fields.length === 1 && fields[0]?.trim() === "" && !isQuotedField;
    const isComment = !isQuotedField && fields[0]?.trimStart().startsWith("#") === true;
    if (!isBlank && !isComment) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
    isQuotedField = false;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (isQuoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          isQuoted = false;
        }
      } else {
        if (char === "\n") line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field.trim() === "") {
      isQuoted = true;
      isQuotedField = true;
      openedAt = line;
      field = "";
    } else if (char === ",") {
      fields.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (isQuoted) throw new SyntaxError(`Line ${openedAt}: a quoted field is never closed`);
  if (field !== "" || fields.length > 0 || isQuotedField) endRecord();
  return records;
}

/** The image column of a header row, or -1. */
function imageColumn(header: readonly string[]): number {
  const names = header.map((name) => name.trim().toLowerCase());
  for (const wanted of IMAGE_COLUMNS) {
    const index = names.indexOf(wanted);
    if (index >= 0) return index;
  }
  return -1;
}

/** Whether the text is a CSV: its first record is a header naming an image column. */
function looksLikeCsv(records: readonly CsvRecord[]): boolean {
  const first = records[0];
  return first !== undefined && imageColumn(first.fields) >= 0;
}

/** A file name without its folders; null when nothing usable is left. */
function fileName(value: string): string | null {
  const name = value.split(/[\\/]/).pop()?.trim() ?? "";
  return name === "" || name === "." || name === ".." ? null : name;
}

/**
 * Parses a pasted list (see the module comment) into images and problems. `max` caps the usable
 * images ({@link MAX_BATCH_ITEMS} by default; pass what is left when adding to a batch). The same
 * URL or file twice is listed as a duplicate of its first line. Never throws.
 */
export function parseImageList(input: string, options: { max?: number } = {}): ParsedList {
  const max = options.max ?? MAX_BATCH_ITEMS;
  // Spreadsheets save CSVs with a byte-order mark; it is not part of the first header.
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  let records: CsvRecord[];
  const problems: string[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  const urlRecords = () =>
    lines.flatMap((raw, index) => {
      const value = raw.trim();
      return value === "" || value.startsWith("#") ? [] : [{ line: index + 1, fields: [value] }];
    });
  let format: ParsedList["format"] = "url";
  try {
    records = parseCsv(text);
    if (looksLikeCsv(records)) format = "csv";
    else records = urlRecords();
  } catch (error) {
    // Only a CSV has quotes that matter; a plain list is read line by line.
    const firstLine = lines.find((line) => line.trim() !== "" && !line.trim().startsWith("#"));
    const header = firstLine ? firstLine.split(",") : [];
    if (imageColumn(header) >= 0) {
      return {
        format: "csv",
        items: [],
        problems: [error instanceof Error ? error.message : String(error)],
        overLimit: [],
      };
    }
    records = urlRecords();
  }
  const rows: ListItem[] = [];
  if (format === "csv") {
    const [header, ...body] = records as [CsvRecord, ...CsvRecord[]];
    const names = header.fields.map((name) => name.trim().toLowerCase());
    const column = imageColumn(header.fields);
    const columnName = names[column] as string;
    const promptColumn = names.indexOf("prompt");
    for (const record of body) {
      const value = (record.fields[column] ?? "").trim();
      const promptText = promptColumn >= 0 ? (record.fields[promptColumn] ?? "").trim() : "";
      const at = `Line ${record.line}`;
      if (value === "") {
        problems.push(`${at}: no image in the ${columnName} column`);
        continue;
      }
      if (promptText.length > PLAYGROUND_LIMITS.maxPromptChars) {
        problems.push(
          `${at}: the prompt is longer than ${formatCount(PLAYGROUND_LIMITS.maxPromptChars)} characters`,
        );
        continue;
      }
      const prompt = promptText === "" ? null : promptText;
      if (isHttpUrl(value)) {
        rows.push({ line: record.line, source: { kind: "url", url: value }, prompt });
      } else if (columnName === "url" || columnName === "image_url" || /^[a-z]+:/i.test(value)) {
        problems.push(`${at}: not an http(s) URL`);
      } else {
        const name = fileName(value);
        if (name) rows.push({ line: record.line, source: { kind: "file", name }, prompt });
        else problems.push(`${at}: not a file name`);
      }
    }
  } else {
    for (const record of records) {
      const value = record.fields[0] ?? "";
      if (!isHttpUrl(value)) {
        problems.push(`Line ${record.line}: not an http(s) URL`);
        continue;
      }
      rows.push({ line: record.line, source: { kind: "url", url: value }, prompt: null });
    }
  }
  const firstLineOf = new Map<string, number>();
  const unique: ListItem[] = [];
  for (const row of rows) {
    const key = row.source.kind === "url" ? `url:${row.source.url}` : `file:${row.source.name}`;
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      problems.push(`Line ${row.line}: the same image as line ${first}`);
      continue;
    }
    firstLineOf.set(key, row.line);
    unique.push(row);
  }
  const items = unique.slice(0, Math.max(0, max));
  const overLimit = unique.slice(items.length);
  if (overLimit.length > 0) {
    const first = overLimit[0]?.line;
    const last = overLimit[overLimit.length - 1]?.line;
    problems.push(
      `${first === last ? `Line ${first}` : `Lines ${first}–${last}`}: over the ${formatCount(MAX_BATCH_ITEMS)}-image limit (${overLimit.length} left out)`,
    );
  }
  return { format, items, problems, overLimit };
}
