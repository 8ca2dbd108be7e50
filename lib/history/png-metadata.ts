/**
 * Settings embedded in PNG files as `iTXt` chunks (UTF-8, uncompressed), so a downloaded result
 * carries its recipe and dropping it back on the playground restores it — as AUTOMATIC1111 and
 * ComfyUI do with their own keywords.
 */

import { isPng, PNG_SIGNATURE as SIGNATURE } from "./png-signature";

export { isPng };

/** The chunk keyword the playground writes. */
export const RECIPE_KEYWORD = "kontext-playground";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface Chunk {
  type: string;
  /** Offset of the chunk's length field. */
  start: number;
  /** Offset just past its CRC. */
  end: number;
  data: Uint8Array;
}

/** Walks the chunks; throws on a truncated or corrupt file. */
function readChunks(bytes: Uint8Array): Chunk[] {
  if (!isPng(bytes)) throw new Error("Not a PNG file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Chunk[] = [];
  let offset = SIGNATURE.length;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new Error("The PNG file is truncated");
    const length = view.getUint32(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) throw new Error("The PNG file is truncated");
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (
      crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)
    ) {
      throw new Error(`The PNG file is corrupt (bad ${type} chunk)`);
    }
    chunks.push({ type, start: offset, end, data });
    offset = end;
    if (type === "IEND") break;
  }
  if (chunks[chunks.length - 1]?.type !== "IEND") throw new Error("The PNG file is truncated");
  return chunks;
}

function iTXtChunk(keyword: string, text: string): Uint8Array {
  const encoder = new TextEncoder();
  const key = encoder.encode(keyword);
  const value = encoder.encode(text);
  // keyword \0, compression flag 0, method 0, empty language tag \0, empty translated keyword \0
  const data = new Uint8Array(key.length + 5 + value.length);
  data.set(key, 0);
  data.set(value, key.length + 5);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(encoder.encode("iTXt"), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/**
 * Returns a copy of the PNG with `text` stored under `keyword` (replacing an earlier chunk with
 * the same keyword), placed before the image data. Throws for a non-PNG or corrupt file.
 */
export function embedPngText(png: Uint8Array, text: string, keyword = RECIPE_KEYWORD): Uint8Array {
  const chunks = readChunks(png);
  const kept = chunks.filter(
    (chunk) => !(isTextChunk(chunk) && readKeyword(chunk.data) === keyword),
  );
  const insertAt = kept.findIndex((chunk) => chunk.type === "IDAT");
  const pieces: Uint8Array[] = [png.subarray(0, SIGNATURE.length)];
  kept.forEach((chunk, index) => {
    if (index === insertAt) pieces.push(iTXtChunk(keyword, text));
    pieces.push(png.subarray(chunk.start, chunk.end));
  });
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}

/** Reads the text stored under `keyword` (iTXt uncompressed or tEXt), or null when absent. */
export function readPngText(png: Uint8Array, keyword = RECIPE_KEYWORD): string | null {
  for (const chunk of readChunks(png)) {
    if (!isTextChunk(chunk) || readKeyword(chunk.data) !== keyword) continue;
    const afterKey = chunk.data.indexOf(0) + 1;
    if (chunk.type === "tEXt")
      return new TextDecoder("latin1").decode(chunk.data.subarray(afterKey));
    if (chunk.data[afterKey] !== 0) continue; // compressed iTXt: not written by us
    let offset = afterKey + 2;
    for (let skip = 0; skip < 2; skip++) offset = chunk.data.indexOf(0, offset) + 1;
    return new TextDecoder().decode(chunk.data.subarray(offset));
  }
  return null;
}

function isTextChunk(chunk: Chunk): boolean {
  return chunk.type === "iTXt" || chunk.type === "tEXt";
}

function readKeyword(data: Uint8Array): string {
  const end = data.indexOf(0);
  return new TextDecoder("latin1").decode(data.subarray(0, end < 0 ? data.length : end));
}
