/** A decoded data URI, or why it could not be decoded. */
export type DecodedDataUri = { ok: true; blob: Blob } | { ok: false; message: string };

/**
 * Decodes a `data:` URI (base64 or percent-encoded) into a Blob of its media type (`text/plain`
 * when none is given, as RFC 2397 says). Never throws: a malformed URI gives a message.
 */
export function dataUriToBlob(uri: string): DecodedDataUri {
  const comma = uri.indexOf(",");
  if (!/^data:/i.test(uri) || comma < 0) {
    return { ok: false, message: "That data URI is malformed: it has no comma before its data" };
  }
  const [rawType = "", ...parameters] = uri.slice(5, comma).split(";");
  const type = rawType.trim().toLowerCase() || "text/plain";
  const isBase64 = parameters.some((part) => part.trim().toLowerCase() === "base64");
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const payload = uri.slice(comma + 1);
    if (isBase64) {
      const text = payload.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
      const binary = atob(text.replace(/\s+/g, ""));
      bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    } else {
      bytes = percentDecode(payload);
    }
  } catch {
    return {
      ok: false,
      message: `That data URI could not be decoded: its ${isBase64 ? "base64" : "percent-encoded"} data is malformed`,
    };
  }
  if (bytes.length === 0) return { ok: false, message: "That data URI holds no data" };
  return { ok: true, blob: new Blob([bytes], { type }) };
}

/** `%XX` escapes to bytes; other characters as UTF-8. Throws on a malformed escape. */
function percentDecode(text: string): Uint8Array<ArrayBuffer> {
  const out: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x25) {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-f]{2}$/i.test(hex)) throw new URIError(`Malformed escape at ${i}`);
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (code < 0x80) {
      out.push(code);
    } else {
      const point = text.codePointAt(i) ?? code;
      for (const byte of encoder.encode(String.fromCodePoint(point))) out.push(byte);
      if (point > 0xffff) i += 1;
    }
  }
  return Uint8Array.from(out);
}
