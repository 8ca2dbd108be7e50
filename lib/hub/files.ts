/**
 * Choosing a LoRA's weight file among a repository's files. Pure, isomorphic.
 */
import { normalizeLoraPath } from "@/lib/domain/lora-path";
import { hubFileUrl } from "./urls";

/**
 * Largest weight file accepted as a LoRA: 2 GiB. Published Kontext LoRAs weigh 20 MB (rank 4)
 * to about 1.3 GB (rank 128); anything bigger is a full or quantised checkpoint (the FLUX.1
 * transformer alone is 6–24 GB), which `loras[].path` cannot load.
 */
export const MAX_LORA_BYTES = 2 * 1024 ** 3;

/** A file in the repository, as the Hub's tree lists it. */
export interface RepoFile {
  path: string;
  /** Bytes (the LFS object's size for LFS files). */
  size: number;
}

/** A weight file of the repository, usable as a LoRA or refused with the reason. */
export interface WeightFile {
  path: string;
  size: number;
  /** The URL to send as `loras[].path`. */
  url: string;
  /** Why it cannot be used, or absent when it can. */
  refusal?: string;
}

/** The weight files, the one chosen by default and why. */
export interface WeightChoice {
  /** `.safetensors` files first (top-level first, then by path), then refused other formats. */
  files: WeightFile[];
  /** The path of the chosen file, or null when none can be used. */
  chosen: string | null;
  /** Why that file was chosen, or why none was. */
  reason: string;
}

const SAFETENSORS = /\.safetensors$/i;
const OTHER_WEIGHTS = /\.(?:ckpt|pt|pth|bin|gguf|pkl|onnx)$/i;
const INTERMEDIATE =
  /(?:^|[-_./])(?:checkpoint|step|steps|epoch|ep)[-_]?\d+|[-_]0\d{3,}\.safetensors$/i;

/**
 * Lists the weight files among `files` and chooses one. The file named in the pasted link
 * (`preferred`) wins when it exists and is usable. Otherwise the only usable `.safetensors` file,
 * or among several the best ranked: at the top of the repository, not an intermediate
 * checkpoint (`checkpoint-500`, `step1000`, `-000010`), then the shortest path. Refused: files over
 * {@link MAX_LORA_BYTES}, empty files, other formats (`.ckpt`, `.bin`, `.pt` …: fal loads
 * safetensors only), and URLs the playground would not send.
 */
export function chooseWeightFile(
  files: readonly RepoFile[],
  where: { origin: string; repoId: string; revision: string },
  preferred?: string,
): WeightChoice {
  const weights = files
    .filter((file) => SAFETENSORS.test(file.path) || OTHER_WEIGHTS.test(file.path))
    .map((file) => describe(file, where))
    .sort(compareFiles);
  const usable = weights.filter((file) => !file.refusal);

  if (preferred !== undefined) {
    const named = weights.find((file) => file.path === preferred);
    if (!named) {
      const isWeight = SAFETENSORS.test(preferred) || OTHER_WEIGHTS.test(preferred);
      return {
        files: weights,
        chosen: null,
        reason: isWeight
          ? `The linked file ${preferred} is not in the repository`
          : `The linked file ${preferred} is not a .safetensors weight file`,
      };
    }
    if (named.refusal) return { files: weights, chosen: null, reason: named.refusal };
    return { files: weights, chosen: named.path, reason: "The file named in the link" };
  }
  const first = usable[0];
  if (!first) {
    const refused = weights[0]?.refusal;
    return {
      files: weights,
      chosen: null,
      reason:
        weights.length === 0
          ? "The repository has no .safetensors file"
          : weights.length === 1 && refused
            ? refused
            : "None of the repository's weight files can be used as a LoRA",
    };
  }
  if (usable.length === 1) {
    return { files: weights, chosen: first.path, reason: "The only usable .safetensors file" };
  }
  const why = [
    isTopLevel(first.path) ? "at the top of the repository" : null,
    INTERMEDIATE.test(first.path) ? null : "not an intermediate checkpoint",
  ].filter(Boolean);
  return {
    files: weights,
    chosen: first.path,
    reason: `Chosen from ${usable.length} .safetensors files${why.length ? ` (${why.join(", ")})` : ""}; pick another if the card names one`,
  };
}

function describe(file: RepoFile, where: { origin: string; repoId: string; revision: string }) {
  const url = hubFileUrl(where.origin, where.repoId, where.revision, file.path);
  const weight: WeightFile = { path: file.path, size: file.size, url };
  if (!SAFETENSORS.test(file.path)) {
    weight.refusal = `${file.path} is not a .safetensors file: fal loads only safetensors LoRAs`;
  } else if (file.size > MAX_LORA_BYTES) {
    weight.refusal = `${file.path} is ${formatSize(file.size)}, too large to be a LoRA (the limit is ${formatSize(MAX_LORA_BYTES)}): it is probably a full model checkpoint`;
  } else if (file.size <= 0) {
    weight.refusal = `${file.path} is empty`;
  } else {
    const checked = normalizeLoraPath(url);
    if (!checked.ok) weight.refusal = checked.message;
  }
  return weight;
}

function rank(file: WeightFile): number {
  if (file.refusal) return 10;
  return (isTopLevel(file.path) ? 0 : 2) + (INTERMEDIATE.test(file.path) ? 1 : 0);
}

function compareFiles(a: WeightFile, b: WeightFile): number {
  return rank(a) - rank(b) || a.path.length - b.path.length || a.path.localeCompare(b.path);
}

function isTopLevel(path: string): boolean {
  return !path.includes("/");
}

/** A byte count for people: "812 MB", "2.0 GB" (SI units, as the Hub shows them). */
export function formatSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}
