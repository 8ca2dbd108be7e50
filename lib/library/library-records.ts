import { FILE_IMPORT_STYLE } from "@/lib/persist/issues";
import {
  type Envelope,
  type RecordFamily,
  type RecordFormat,
  unwrap,
  wrap,
} from "@/lib/persist/versioned-record";
import { LibraryFormatError } from "./format-error";
import { LIBRARY_VERSION, type LoraPreview, type UserLora } from "./types";
import { loraPreviewSchema, userLoraSchema } from "./validation";

/**
 * How library records are stored, and how older stored formats are read (pure: no IndexedDB).
 *
 * Like the history's records (and through the same toolkit, `lib/persist/versioned-record`), every
 * record is stored in an envelope `{ version, data, savedAt }`
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

export { LibraryFormatError } from "./format-error";

/** A stored record as written: `{ version, data, savedAt? }`. */
export type LibraryEnvelope<T> = Envelope<T>;

/** The library's records (LoRAs and previews) in the versioned-record toolkit. */
const LIBRARY_RECORDS: RecordFamily = {
  version: LIBRARY_VERSION,
  recordName: "library record",
  newerAdvice: "It is kept as it is.",
  damagedNamesFormat: false,
  checksEnvelope: false,
  issueStyle: FILE_IMPORT_STYLE,
  error: (message, problem, _version, cause) =>
    new LibraryFormatError(message, problem, cause === undefined ? undefined : { cause }),
};

const LORA_FORMAT: RecordFormat<typeof userLoraSchema> = {
  family: LIBRARY_RECORDS,
  what: "LoRA",
  schema: userLoraSchema,
};

const PREVIEW_FORMAT: RecordFormat<typeof loraPreviewSchema> = {
  family: LIBRARY_RECORDS,
  what: "preview",
  schema: loraPreviewSchema,
};

/** Reads a stored LoRA of any known format. Throws a {@link LibraryFormatError} otherwise. */
export function migrateUserLora(raw: unknown): UserLora {
  return unwrap(LORA_FORMAT, raw);
}

/** Reads a stored preview of any known format. Throws a {@link LibraryFormatError} otherwise. */
export function migratePreview(raw: unknown): LoraPreview {
  return unwrap(PREVIEW_FORMAT, raw);
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
  return kind === "lora"
    ? (wrap(LORA_FORMAT, value as UserLora, savedAt) as LibraryEnvelope<T>)
    : (wrap(PREVIEW_FORMAT, value as LoraPreview, savedAt) as LibraryEnvelope<T>);
}
