/** URLs of files on the Hub. Pure, isomorphic. */

/** The public Hub, the default `HF_ENDPOINT`. */
export const DEFAULT_HUB_ORIGIN = "https://huggingface.co";

/**
 * The download URL of `file` in `repoId` at `revision`, on the Hub at `origin`:
 * `<origin>/<owner>/<name>/resolve/<revision>/<file>`, each segment percent-encoded.
 */
export function hubFileUrl(origin: string, repoId: string, revision: string, file: string): string {
  const path = file.split("/").map(encodeURIComponent).join("/");
  return `${origin}/${repoId}/resolve/${encodeURIComponent(revision)}/${path}`;
}

const IMAGE = /\.(?:png|jpe?g|webp|gif|avif)$/i;

/** Whether a file name is an image the browser can show. */
export function isImageFile(path: string): boolean {
  return IMAGE.test(path);
}

/**
 * A card's image reference as a URL the browser can load from the Hub: a path inside the repo
 * (`images/a.png`, `./a.png`) becomes its resolve URL; an absolute URL is kept only when it is on
 * the Hub (`origin`'s host or huggingface.co) over https (or over http when `origin` itself is
 * http, as a test hub is). Anything else (other hosts, `..`, data: URLs, non-images) → null.
 */
export function resolveCardImage(
  origin: string,
  repoId: string,
  revision: string,
  reference: string,
): string | null {
  const value = reference.trim();
  if (!value || value.length > 2_048) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) {
    let url: URL;
    try {
      url = new URL(value.startsWith("//") ? `https:${value}` : value);
    } catch {
      return null;
    }
    const hub = new URL(origin);
    const onHub =
      (url.host === hub.host && url.protocol === hub.protocol) ||
      (url.protocol === "https:" && (url.host === "huggingface.co" || url.host === "hf.co"));
    if (!onHub || url.username || url.password || !isImageFile(url.pathname)) return null;
    return url.toString();
  }
  const parts = value.replace(/^\.\//, "").split(/[?#]/)[0]?.split("/") ?? [];
  if (parts.some((part) => part === "" || part === "." || part === "..")) return null;
  const file = parts.join("/");
  return isImageFile(file) ? hubFileUrl(origin, repoId, revision, file) : null;
}
