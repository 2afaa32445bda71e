/**
 * QR codes of page addresses as small SVG images, made at build time. Dark modules in a row are
 * joined into one rectangle each, so the file stays small; a four-module quiet zone (what scanners
 * expect) is drawn in white, so the code scans in dark mode too.
 */
import { encode } from 'uqr';

export const QUIET_ZONE = 4;

/** One path: a rectangle for every run of dark modules in a row, in module units. */
export function qrPath(matrix: readonly (readonly boolean[])[]): string {
  let d = '';
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return d;
}

export function qrSvg(text: string): string {
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  const full = size + 2 * QUIET_ZONE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-${QUIET_ZONE} -${QUIET_ZONE} ${full} ${full}" shape-rendering="crispEdges">` +
    `<rect x="-${QUIET_ZONE}" y="-${QUIET_ZONE}" width="${full}" height="${full}" fill="#fff"/>` +
    `<path d="${qrPath(data)}" fill="#000"/></svg>`
  );
}
