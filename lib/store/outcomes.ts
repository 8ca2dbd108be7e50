import type { UserLora } from "@/lib/library/types";
import type { UserLoraField } from "@/lib/library/validation";
import type { AxisKind } from "@/lib/sweep/axis";
import type { ScaleTarget, SweepEstimate, SweepGrid } from "@/lib/sweep/cells";
import type { SweepImageChoice } from "@/lib/sweep/setup";
import type { Run } from "./types";

/** Runs deleted last, kept in memory so the deletion can be undone. */
export interface Deletion {
  runs: Run[];
}

/** What an import added. */
export interface ImportSummary {
  added: number;
  /** Runs already in the history (same id), left as they are. */
  skipped: number;
  /** Runs that had not finished when they were exported; they are not imported. */
  unfinished: number;
}

/** A message about an import, export or restored recipe, with an optional follow-up. */
export interface TransferNotice {
  tone: "success" | "error";
  message: string;
  /** A dropped PNG restored its settings; this offers to use it as the input image instead. */
  imageFile?: File;
}

/** A file ready to save: its bytes and a name. */
export interface DownloadFile {
  blob: Blob;
  filename: string;
}

/** One axis as the sweep form holds it. */
export interface AxisInput {
  kind: AxisKind;
  text: string;
  target?: ScaleTarget;
  /** An `image` axis's images, in order (their bytes are in `sweepImageFiles`). */
  images?: SweepImageChoice[];
}

/** An image chosen for an `image` axis, read and ready to upload (never persisted as such). */
export interface SweepImageEntry {
  name: string;
  /** What is uploaded: the file, or its downscaled copy (as for the form's image). */
  file: Blob;
  /** The file as chosen (kept in the sweep image store), read again when downscaling changes. */
  originalFile: Blob;
  /** Size of `file`, in pixels. */
  width: number;
  height: number;
  /** Size before downscaling, when it was downscaled. */
  originalSize: { width: number; height: number } | null;
  /** An object URL of `file`, for the thumbnail. */
  previewUrl: string;
  /** The uploaded file's URL, once uploaded (reused by the next sweep). */
  remoteUrl: string | null;
}

/** A sweep ready to start: its grid and what it will cost, or why it cannot run. */
export type SweepPlan =
  | { ok: true; grid: SweepGrid; estimate: SweepEstimate; seed: number | undefined }
  | {
      ok: false;
      message: string;
      /** The axis the message is about (0: columns, 1: rows), or null for the sweep as a whole. */
      axis: number | null;
      /** The form itself is not ready (no image, no prompt, a bad setting). */
      isFormProblem?: boolean;
    };

/** What the library last did, said in the library itself. */
export interface LibraryNotice {
  tone: "success" | "error";
  message: string;
}

/** The outcome of {@link LibrarySlice.saveUserLora}. */
export type SaveUserLoraResult =
  | { ok: true; lora: UserLora }
  | {
      ok: false;
      /** Problems to show at their fields. */
      errors: Partial<Record<UserLoraField, string>>;
      /** A problem that is no field's (the storage is full); also the notice. */
      message?: string;
    };

/** The outcome of {@link LibrarySlice.importLibrary}. */
export type ImportLibraryResult =
  | { ok: true; added: number; updated: number; unchanged: number; previews: number }
  | { ok: false; message: string };

/** The outcome of {@link LibrarySlice.pinPreview}. */
export type PinPreviewResult =
  | {
      ok: true;
      /** The LoRA's name in the library. */
      name: string;
      /** The LoRA was in neither list, so it was saved to the library too. */
      isNewToLibrary: boolean;
    }
  | { ok: false; message: string };

/** A LoRA of the library, curated or saved, as the stack's rows describe it. */
export interface LibraryLora {
  source: "curated" | "saved";
  name: string;
  trigger: string;
  scale: number;
}
