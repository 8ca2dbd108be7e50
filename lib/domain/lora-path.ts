import { PLAYGROUND_LIMITS } from "@/lib/kontext/endpoint";

/** A LoRA path after normalisation, or why it cannot be used. */
export type LoraPathCheck = { ok: true; path: string } | { ok: false; message: string };

const HF_HOSTS = new Set(["huggingface.co", "www.huggingface.co", "hf.co"]);

/**
 * Normalises and checks a LoRA path before it is sent (and paid for):
 * - trims it; a Hugging Face `…/blob/<rev>/<file>` link becomes `…/resolve/<rev>/<file>` (the
 *   blob page is HTML, the resolve URL is the file);
 * - refuses what cannot work: anything but an http(s) URL, a Hugging Face repository page
 *   instead of a weight file, `.ckpt` files (fal refuses pickled checkpoints), whitespace inside.
 */
export function normalizeLoraPath(raw: string): LoraPathCheck {
  const value = raw.trim();
  if (!value) return { ok: false, message: "Enter the URL of the LoRA's weight file" };
  if (value.length > PLAYGROUND_LIMITS.maxLoraPathChars) {
    return {
      ok: false,
      message: `The path is longer than ${PLAYGROUND_LIMITS.maxLoraPathChars} characters`,
    };
  }
  if (/\s/.test(value)) return { ok: false, message: "The path contains spaces; paste a URL" };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    const looksLikeRepo = /^[\w.-]+\/[\w.-]+$/.test(value);
    return {
      ok: false,
      message: looksLikeRepo
        ? `Use the weight file's URL, e.g. https://huggingface.co/${value}/resolve/main/<file>.safetensors`
        : "The path must be an http(s) URL of a .safetensors file",
    };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, message: "The path must be an http(s) URL" };
  }
  if (/\.ckpt$/i.test(url.pathname)) {
    return { ok: false, message: ".ckpt files are not accepted; use a .safetensors file" };
  }
  if (HF_HOSTS.has(url.hostname)) {
    const parts = url.pathname.split("/").filter(Boolean);
    // Model repos are /owner/name/…; dataset and Space repos carry a prefix: /datasets/owner/name/….
    const kind = parts[0] === "datasets" || parts[0] === "spaces" ? 1 : 0;
    if (parts[kind + 2] === "blob" && parts.length >= kind + 5) {
      parts[kind + 2] = "resolve";
      url.pathname = `/${parts.join("/")}`;
    } else if (parts[kind + 2] !== "resolve" || parts.length < kind + 5) {
      return {
        ok: false,
        message:
          "Link to the weight file (…/resolve/main/<file>.safetensors), not the repository page",
      };
    }
  }
  return { ok: true, path: url.toString() };
}
