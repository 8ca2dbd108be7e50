/**
 * The LoRA library's data: LoRAs people save themselves, and result images pinned as a LoRA's
 * preview. The curated LoRAs live in `lib/kontext/known-loras`.
 */

/** Version of everything the library stores or exports; bump it with a migration. */
export const LIBRARY_VERSION = 1;

/** A LoRA someone saved to their library. */
export interface UserLora {
  id: string;
  /** What people call it, 1–100 characters. */
  name: string;
  /** The weight file's URL, as sent in `loras[].path` (normalised: `blob` → `resolve`). */
  path: string;
  /** The instruction it was trained with (may be empty), at most 5,000 characters. */
  trigger: string;
  /** The scale it is added to the stack with, 0–4. */
  scale: number;
  /** Free text, at most 2,000 characters. */
  notes: string;
  /** Lower-case tags for the library's filter. */
  tags?: string[];
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/**
 * The preview of the LoRA at `path` (one per path): a result image pinned from a run, or an
 * example image of its Hugging Face model card.
 */
export interface LoraPreview {
  /** The LoRA's weight-file URL (curated or saved). */
  path: string;
  /** A small JPEG data URL of the image. */
  thumbnail: string;
  /** The run whose result it is (the run may have been deleted since); absent for a card image. */
  runId?: string;
  /** The card image it was made from (a Hub URL); absent for a run's result. */
  sourceUrl?: string;
  /** Milliseconds since the epoch. */
  pinnedAt: number;
}

/** Everything a library holds. */
export interface LibraryContents {
  loras: UserLora[];
  previews: LoraPreview[];
}

/** Changes to a library, written at once (deletes happen before puts). */
export interface LibraryChange {
  putLoras?: readonly UserLora[];
  deleteLoraIds?: readonly string[];
  putPreviews?: readonly LoraPreview[];
  deletePreviewPaths?: readonly string[];
}
