/**
 * Encodes 8-bit RGBA pixels as a PNG. resvg's own encoder compresses hard and took longer than
 * drawing the image; these flat-coloured cards need no row filters, and zlib level 3 gives files of
 * about the same size as resvg's (44.8 KB against 44.1 KB on average) in a third of the time.
 * Plain JavaScript: the drawing worker (draw-worker.mjs) loads it outside Vite's bundle.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOUR_RGBA = 6;
const LEVEL = 3;

/** @type {Buffer | undefined} */
let scratch;
/**
 * One buffer for the filtered rows, reused from image to image: allocating 3 MB per image cost more
 * in page faults than the copying itself. Only valid until the next call.
 * @param {number} size
 */
function rowBuffer(size) {
  if (!scratch || scratch.length < size) scratch = Buffer.allocUnsafe(size);
  return scratch.subarray(0, size);
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return [head, data, crc];
}

/**
 * @param {Uint8Array} rgba width × height × 4 bytes, rows top to bottom
 * @param {number} width
 * @param {number} height
 * @returns {Buffer}
 */
export function encodePng(rgba, width, height) {
  const stride = width * 4;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || rgba.length !== stride * height) {
    throw new Error(`encodePng: expected ${width}×${height}×4 bytes, got ${rgba.length}`);
  }
  const src = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  const rows = rowBuffer((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1);
    rows[at] = 0; // each row starts with its filter type: 0, none
    src.copy(rows, at + 1, y * stride, (y + 1) * stride);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = COLOUR_RGBA;
  // [10..12]: deflate compression, adaptive filtering, no interlace — all 0.
  return Buffer.concat([
    SIGNATURE,
    ...chunk('IHDR', ihdr),
    ...chunk('IDAT', deflateSync(rows, { level: LEVEL })),
    ...chunk('IEND', Buffer.alloc(0)),
  ]);
}
