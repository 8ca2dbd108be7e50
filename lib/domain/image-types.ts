// What the playground accepts as an input image, apart from `./image-file` (the checks and the
// downscale plan, with the output-size rules), so the drop zone and its hints need none of that.

/** Input types the playground accepts, with their file extensions. */
export const ACCEPTED_IMAGE_TYPES: Record<string, string[]> = {
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
  "image/webp": [".webp"],
  "image/gif": [".gif"],
  "image/avif": [".avif"],
};

/** Largest file accepted (50 MB): far above any photo, well below fal's multipart threshold. */
export const MAX_IMAGE_FILE_BYTES = 50_000_000;
