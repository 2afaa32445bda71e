/** The PNG encoder of the link-preview images, checked against an independent decoder (resvg's). */
import { describe, expect, it } from 'vitest';
import { crc32, inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from '../../src/lib/og/png-encode.mjs';

/** Opaque pixels (resvg premultiplies alpha, which would blur a round trip of translucent ones). */
function pixels(width: number, height: number, seed: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = i % 4 === 3 ? 255 : s >>> 24;
  }
  return out;
}

function chunks(png: Buffer) {
  const list: { type: string; data: Buffer; crcOk: boolean }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    list.push({ type, data, crcOk: crc32(png.subarray(at + 4, at + 8 + length)) === png.readUInt32BE(at + 8 + length) });
    at += 12 + length;
  }
  return list;
}

describe('encodePng', () => {
  it('writes a valid PNG: signature, IHDR, IDAT, IEND, each with a correct CRC', () => {
    const png = encodePng(pixels(5, 3, 1), 5, 3);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(list.every((c) => c.crcOk)).toBe(true);
    const ihdr = list[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([5, 3, 8, 6]);
    // Each row: filter byte 0, then the row's bytes unchanged.
    const rows = inflateSync(list[1]!.data);
    expect(rows.length).toBe(3 * (5 * 4 + 1));
    expect([rows[0], rows[21], rows[42]]).toEqual([0, 0, 0]);
  });

  it('round-trips through another decoder pixel for pixel', () => {
    const [w, h] = [7, 4];
    const input = pixels(w, h, 42);
    const png = encodePng(input, w, h);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><image width="${w}" height="${h}" style="image-rendering:pixelated" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
    const decoded = new Resvg(svg).render();
    expect([decoded.width, decoded.height]).toEqual([w, h]);
    expect([...decoded.pixels]).toEqual([...input]);
  });

  it('gives the same bytes when called again (the reused row buffer leaks nothing between images)', () => {
    const a = pixels(6, 6, 3);
    const first = encodePng(a, 6, 6);
    encodePng(pixels(9, 9, 4), 9, 9);
    expect(encodePng(a, 6, 6).equals(first)).toBe(true);
  });

  it('refuses pixel data that does not match the size', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(/2×2×4/);
    expect(() => encodePng(new Uint8Array(0), 0, 0)).toThrow();
  });
});
