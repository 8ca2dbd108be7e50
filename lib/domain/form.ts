import type { KontextRequest } from "@/lib/kontext/schema";
import type { InputImage, LoraEntry } from "./run";
import type { Settings } from "./settings";

/** The `image_url` field error `startRun` sets while an image is still being read. */
export const WAIT_FOR_IMAGE = "Wait until the image has been read";

/** The form as the person left it. */
export interface Draft {
  prompt: string;
  loras: { path: string; scale: number; isEnabled: boolean }[];
  settings: Settings;
}

/**
 * The form's input image as the browser keeps it across reloads: the chosen file's bytes (never a
 * `blob:` URL), or the URL it was read from (its bytes are in the image cache when a run used it).
 * `parentRunId` keeps the lineage of a result used as input.
 */
export type DraftImage =
  | { kind: "file"; blob: Blob; name: string; parentRunId: string | null }
  | { kind: "url"; url: string; name: string; parentRunId: string | null };

/** The form's check (see `./form-check`): its field errors, or the request it makes. */
export type CheckForm = (state: FormState) => {
  fieldErrors: Record<string, string>;
  request: KontextRequest | null;
  /** The enabled LoRA rows' ids, in the order of `request.loras`. */
  loraIds: string[];
};

/** What the form holds: the image, the prompt, the LoRA rows and the settings. */
export interface FormState {
  image: InputImage | null;
  prompt: string;
  loras: LoraEntry[];
  settings: Settings;
}

/** Whether a size can be used for a run (both sides at least 1 px). */
export function hasPixels(size: { width: number; height: number }): boolean {
  return (
    Number.isFinite(size.width) &&
    Number.isFinite(size.height) &&
    size.width >= 1 &&
    size.height >= 1
  );
}

/** A copy of `record` without `key`. */
export function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const { [key]: _removed, ...rest } = record;
  return rest;
}
