// Which scripts an HTML page makes the browser fetch, and the byte budget's verdict: the parts of
// `bench-bundle.mjs` that decide what counts (unit-tested in bundle-html.test.ts).

/** Attributes of an HTML start tag, names lower-cased (`async=""` → { async: "" }). */
export function attributes(tag) {
  const found = {};
  for (const match of tag.matchAll(
    /([a-zA-Z_:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g,
  )) {
    found[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? "";
  }
  return found;
}

/** Every script an HTML page references, once each, in document order, and its inline scripts. */
export function scriptsOf(html) {
  const scripts = new Map();
  let inlineBytes = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = attributes(match[1]);
    if (attrs.src) {
      const how = ["nomodule", "type", "async", "defer"].filter((a) => a in attrs);
      const kind = "nomodule" in attrs ? "nomodule" : attrs.type === "module" ? "module" : "";
      if (!scripts.has(attrs.src)) scripts.set(attrs.src, { src: attrs.src, how, kind });
    } else if (!attrs.type || /javascript|module/.test(attrs.type)) {
      inlineBytes += Buffer.byteLength(match[2]);
    }
  }
  for (const match of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = attributes(match[1]);
    const rel = (attrs.rel ?? "").toLowerCase();
    const isScript = rel === "modulepreload" || (rel === "preload" && attrs.as === "script");
    if (isScript && attrs.href && !scripts.has(attrs.href)) {
      scripts.set(attrs.href, { src: attrs.href, how: [rel], kind: "" });
    }
  }
  return { scripts: [...scripts.values()], inlineBytes };
}

/**
 * Whether `gzipBytes` fits `budgetKB` (kilobytes of 1,000 bytes), with a sentence saying by how
 * much: `{ isWithin, text }`.
 */
export function budgetVerdict(gzipBytes, budgetKB) {
  const limit = budgetKB * 1000;
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  return gzipBytes <= limit
    ? { isWithin: true, text: `within it (${kb(limit - gzipBytes)} to spare)` }
    : { isWithin: false, text: `OVER it by ${kb(gzipBytes - limit)}` };
}
