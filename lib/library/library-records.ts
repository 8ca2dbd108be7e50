import type { z } from "zod";
import { describeIssues } from "@/lib/persist/json-document";
import { LIBRARY_VERSION, type LoraPreview, type UserLora } from "./types";
import { loraPreviewSchema, userLoraSchema } from "./validation";

/**
 * How library records are stored, and how older stored formats are read (pure: no IndexedDB).
 *
 * Like the history's records, every record is stored in an envelope `{ version, data, savedAt }`
 * where `version` is the {@link LIBRARY_VERSION} that wrote it, and is read through
 * {@link migrateUserLora} / {@link migratePreview}, which upgrade older formats step by step and
 * refuse anything else with a {@link LibraryFormatError} that says what is wrong.
 *
 * Format history:
 * - **Version 1** (current): exactly {@link UserLora} / {@link LoraPreview}.
 *
 * To change a format: bump `LIBRARY_VERSION`, keep the previous schema as `…V{n}Schema`, and add a
 * `case n:` step below that turns it into the current type.
 */

/** A stored library record that cannot be read: newer, unknown or damaged. */
export class LibraryFormatError extends Error {
  override readonly name = "LibraryFormatError";
  readonly problem: "not-a-record" | "newer-version" | "unknown-version" | "malformed";

  constructor(
    message: string,
    problem: LibraryFormatError["problem"],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.problem = problem;
  }
}

/** A stored record as written: `{ version, data, savedAt? }`. */
export interface LibraryEnvelope<T> {
  version: number;
  data: T;
  savedAt?: number;
}

function openEnvelope(raw: unknown, what: string): { version: number; data: unknown } {
  const envelope = raw as Partial<LibraryEnvelope<unknown>> | null;
  const version = typeof raw === "object" && raw !== null ? envelope?.version : undefined;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) {
    throw new LibraryFormatError(
      `The stored ${what} is not a library record (expected { version, data }).`,
      "not-a-record",
    );
  }
  if (version > LIBRARY_VERSION) {
    throw new LibraryFormatError(
      `The stored ${what} was saved by a newer version of Kontext Playground (format ` +
        `${version}; this version reads up to format ${LIBRARY_VERSION}). It is kept as it is.`,
      "newer-version",
    );
  }
  return { version, data: envelope?.data };
}

function parseData<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new LibraryFormatError(
      `The stored ${what} is damaged: ${describeIssues(result.error)}.`,
      "malformed",
      { cause: result.error },
    );
  }
  return result.data;
}

function unknownVersion(what: string, version: number): LibraryFormatError {
  return new LibraryFormatError(
    `The stored ${what} has an unknown format version ${version}.`,
    "unknown-version",
  );
}

/** Reads a stored LoRA of any known format. Throws a {@link LibraryFormatError} otherwise. */
export function migrateUserLora(raw: unknown): UserLora {
  const { version, data } = openEnvelope(raw, "LoRA");
  switch (version) {
    case 1:
      return parseData(userLoraSchema, data, "LoRA");
    default:
      throw unknownVersion("LoRA", version);
  }
}

/** Reads a stored preview of any known format. Throws a {@link LibraryFormatError} otherwise. */
export function migratePreview(raw: unknown): LoraPreview {
  const { version, data } = openEnvelope(raw, "preview");
  switch (version) {
    case 1:
      return parseData(loraPreviewSchema, data, "preview");
    default:
      throw unknownVersion("preview", version);
  }
}

/**
 * Wraps a record in the current envelope, checking it first so that nothing unreadable is ever
 * written (throws a {@link LibraryFormatError} naming the field).
 */
export function toLibraryEnvelope<T extends UserLora | LoraPreview>(
  kind: "lora" | "preview",
  value: T,
  savedAt: number,
): LibraryEnvelope<T> {
  const result = (kind === "lora" ? userLoraSchema : loraPreviewSchema).safeParse(value);
  if (!result.success) {
    throw new LibraryFormatError(
      `Refusing to save a ${kind === "lora" ? "LoRA" : "preview"} that could not be read back: ` +
        `${describeIssues(result.error)}.`,
      "malformed",
      { cause: result.error },
    );
  }
  return { version: LIBRARY_VERSION, data: value, savedAt };
}
