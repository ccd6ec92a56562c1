// Writes the add-in icons (assets/icon-{16,32,64,80,128}.png) with zlib only: a green tile with three
// white bars (a report chart). Run: node assets/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const dir = path.dirname(fileURLToPath(import.meta.url));
const GREEN = [0x21, 0x73, 0x46, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function pixel(size, x, y) {
  const r = Math.max(1, Math.round(size / 8));
  const inCorner = (cx, cy) => (x - cx) ** 2 + (y - cy) ** 2 > r * r;
  if (x < r && y < r && inCorner(r, r)) return CLEAR;
  if (x >= size - r && y < r && inCorner(size - r - 1, r)) return CLEAR;
  if (x < r && y >= size - r && inCorner(r, size - r - 1)) return CLEAR;
  if (x >= size - r && y >= size - r && inCorner(size - r - 1, size - r - 1)) return CLEAR;
  const unit = size / 16;
  const bars = [
    [3, 6, 9],
    [7, 10, 5],
    [11, 14, 11],
  ];
  const base = 13 * unit;
  for (const [x0, x1, h] of bars) {
    if (x >= x0 * unit && x < x1 * unit && y < base && y >= base - h * unit) return WHITE;
  }
  return GREEN;
}

function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  let o = 0;
  for (let y = 0; y < size; y++) {
    raw[o++] = 0;
    for (let x = 0; x < size; x++) for (const v of pixel(size, x, y)) raw[o++] = v;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(path.join(dir, `icon-${size}.png`), png(size));
