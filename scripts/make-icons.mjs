// Draws the add-in icons (assets/icon-<size>.png): a rounded green square with a white check mark.
// Node built-ins only: the shapes are rendered with 4x4 supersampling and written by a tiny PNG
// encoder (zlib deflate + CRC-32). The output is deterministic, so `--check` can verify that the
// committed PNGs are what this script draws.
//
//   node scripts/make-icons.mjs           write assets/icon-{16,32,64,80,128}.png
//   node scripts/make-icons.mjs --check   exit 1 if a committed icon differs from the drawing
import { deflateSync } from "node:zlib";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x10, 0x7c, 0x41]; // Excel green
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4; // per axis

// ---- PNG encoding -------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (width*height*4 bytes) as a PNG (8-bit RGBA, no interlace, filter 0). */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- geometry (unit square coordinates, 0..1) ---------------------------------------------

function insideRoundedSquare(x, y, margin, radius) {
  const lo = margin, hi = 1 - margin;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + radius), hi - radius);
  const cy = Math.min(Math.max(y, lo + radius), hi - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// The check mark: a short stroke down to the bottom point, a long stroke up to the right.
const CHECK = [[0.26, 0.53], [0.43, 0.7], [0.76, 0.33]];

function onCheck(x, y, halfWidth) {
  return (
    distanceToSegment(x, y, CHECK[0], CHECK[1]) <= halfWidth ||
    distanceToSegment(x, y, CHECK[1], CHECK[2]) <= halfWidth
  );
}

/** Renders one icon as RGBA pixels (straight alpha). */
export function drawIcon(size) {
  // Small icons get a relatively thicker stroke and a smaller margin so they stay legible.
  const margin = size <= 16 ? 0 : 1 / size;
  const radius = 0.2;
  const halfWidth = size <= 16 ? 0.085 : size <= 32 ? 0.075 : 0.065;
  const rgba = Buffer.alloc(size * size * 4);
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0, mark = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!insideRoundedSquare(x, y, margin, radius)) continue;
          if (onCheck(x, y, halfWidth)) mark++;
          else bg++;
        }
      }
      const covered = bg + mark;
      const o = (py * size + px) * 4;
      if (covered === 0) continue; // fully transparent
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round((GREEN[c] * bg + WHITE[c] * mark) / covered);
      rgba[o + 3] = Math.round((255 * covered) / n);
    }
  }
  return rgba;
}

export function iconPng(size) {
  return encodePng(size, size, drawIcon(size));
}

// ---- command line -------------------------------------------------------------------------

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const assets = join(root, "assets");
  const check = process.argv.includes("--check");
  let stale = 0;
  if (!check) mkdirSync(assets, { recursive: true });
  for (const size of SIZES) {
    const file = join(assets, `icon-${size}.png`);
    const png = iconPng(size);
    if (check) {
      let current = null;
      try {
        current = readFileSync(file);
      } catch {
        /* missing */
      }
      if (!current || !current.equals(png)) {
        console.error(`${file} is missing or differs from scripts/make-icons.mjs; run: node scripts/make-icons.mjs`);
        stale++;
      }
    } else {
      writeFileSync(file, png);
      console.log(`wrote ${file} (${size}x${size}, ${png.length} bytes)`);
    }
  }
  if (stale) process.exit(1);
}
