#!/usr/bin/env node
// Makes the committed files in public/: the example photos (from scikit-image's public-domain and
// CC0 sample data, as shipped by Debian's python3-skimage) and the favicon and app icons (drawn
// here as SVG). Run once by hand after changing the icon or the photo list:
//   node scripts/make-assets.mjs /path/to/skimage/data
// The outputs are committed; nothing in the build or tests runs this script.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const PUBLIC = path.resolve(import.meta.dirname, "..", "public");

/** The example photos: source file in skimage's data folder → name in public/examples. */
const PHOTOS = [
  ["astronaut.png", "astronaut"],
  ["chelsea.png", "cat"],
  ["coffee.png", "coffee"],
  ["rocket.jpg", "rocket"],
];

const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#5aa2ff"/>
      <stop offset="1" stop-color="#1b4fab"/>
    </linearGradient>
  </defs>
  <rect width="64" height="64" rx="14" fill="url(#g)"/>
  <path d="M20 15h7v14.5L39.5 15H48L34.6 30 49 49h-8.7L30 35.4l-3 3.3V49h-7z" fill="#fff"/>
  <path d="M49 11l1.6 4.4L55 17l-4.4 1.6L49 23l-1.6-4.4L43 17l4.4-1.6z" fill="#fff" opacity=".9"/>
</svg>
`;

/** An .ico file holding the given PNGs (the ICO format allows embedded PNG images). */
function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map((png) => png.data)]);
}

async function main() {
  const source = process.argv[2];
  if (!source) throw new Error("usage: node scripts/make-assets.mjs /path/to/skimage/data");
  mkdirSync(path.join(PUBLIC, "examples"), { recursive: true });
  for (const [file, name] of PHOTOS) {
    const image = sharp(path.join(source, file));
    await image
      .clone()
      .jpeg({ quality: 88, mozjpeg: true })
      .toFile(path.join(PUBLIC, "examples", `${name}.jpg`));
    await image
      .clone()
      .resize({ width: 240 })
      .webp({ quality: 72 })
      .toFile(path.join(PUBLIC, "examples", `${name}-thumb.webp`));
  }
  const svg = Buffer.from(ICON_SVG);
  writeFileSync(path.join(PUBLIC, "icon.svg"), ICON_SVG);
  const png = (size) =>
    sharp(svg, { density: 72 * (size / 64) * 2 })
      .resize(size, size)
      .png()
      .toBuffer();
  writeFileSync(path.join(PUBLIC, "icon-192.png"), await png(192));
  writeFileSync(path.join(PUBLIC, "icon-512.png"), await png(512));
  writeFileSync(path.join(PUBLIC, "apple-touch-icon.png"), await png(180));
  const small = await Promise.all(
    [16, 32, 48].map(async (size) => ({ size, data: await png(size) })),
  );
  writeFileSync(path.join(PUBLIC, "favicon.ico"), ico(small));
}

await main();
