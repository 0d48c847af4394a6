// Draws the pane's icons (16, 32, 64, 80, 128 px PNG) with no dependencies:
// a blue rounded square with a golden thread running through three knots.
// Run: node scripts/make-icons.mjs   (writes assets/icon-*.png)
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const out = fileURLToPath(new URL("../assets/", import.meta.url));
mkdirSync(out, { recursive: true });

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
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const blue = [15, 108, 189];
const gold = [245, 183, 0];
const white = [255, 255, 255];

function icon(size) {
  const S = 4; // supersampling
  const r = size * 0.18;
  const inRounded = (x, y) => {
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const thread = (x) => size * 0.5 + Math.sin((x / size) * Math.PI * 2) * size * 0.16;
  const knots = [0.25, 0.5, 0.75].map((t) => [t * size, thread(t * size)]);
  const width = Math.max(1.2, size * 0.085);
  const knotR = Math.max(1.6, size * 0.11);
  return png(size, (px, py) => {
    let acc = [0, 0, 0, 0];
    for (let sy = 0; sy < S; sy++)
      for (let sx = 0; sx < S; sx++) {
        const x = px + (sx + 0.5) / S;
        const y = py + (sy + 0.5) / S;
        let c = null;
        if (inRounded(x, y)) {
          c = blue;
          if (Math.abs(y - thread(x)) < width) c = gold;
          for (const [kx, ky] of knots) {
            const d = Math.hypot(x - kx, y - ky);
            if (d < knotR) c = d < knotR * 0.55 ? white : gold;
          }
        }
        if (c) acc = [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2], acc[3] + 255];
      }
    const n = S * S;
    const a = acc[3] / n;
    if (a === 0) return [0, 0, 0, 0];
    const k = 255 / acc[3];
    return [Math.round(acc[0] * k), Math.round(acc[1] * k), Math.round(acc[2] * k), Math.round(a)];
  });
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(`${out}icon-${size}.png`, icon(size));
console.log(`icons written to ${out}`);
