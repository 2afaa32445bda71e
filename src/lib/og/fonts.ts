/**
 * Picks the @fontsource font slices an image needs. @fontsource splits Noto Sans SC into ~100
 * files, each declared in a CSS @font-face with a `unicode-range`; reading only the slices that hold
 * an image's characters keeps image rendering fast. Pure: takes CSS text, returns file names.
 */

/** A code point range, inclusive at both ends. */
export type CodeRange = readonly [number, number];

export interface FontSlice {
  /** File name of the .woff slice, relative to the package's files/ folder. */
  file: string;
  ranges: CodeRange[];
}

/** Parses one unicode-range token: U+4E00, U+4E00-9FFF or the wildcard form U+4?? */
export function parseRangeToken(token: string): CodeRange | undefined {
  const m = /^u\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(token.trim());
  if (!m) return undefined;
  const [, a = '', b] = m;
  if (a.includes('?')) {
    if (b !== undefined) return undefined;
    return [parseInt(a.replace(/\?/g, '0'), 16), parseInt(a.replace(/\?/g, 'f'), 16)];
  }
  const start = parseInt(a, 16);
  const end = b === undefined ? start : parseInt(b, 16);
  return end >= start ? [start, end] : undefined;
}

/**
 * Reads every @font-face block of a @fontsource CSS file and returns its .woff file (satori reads
 * WOFF, not WOFF2) with its ranges. A block without a unicode-range covers everything.
 */
export function parseFontFaces(css: string): FontSlice[] {
  const slices: FontSlice[] = [];
  for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1] ?? '';
    const file = /url\(\s*['"]?(?:[^'")]*\/)?([^/'")]+\.woff)['"]?\s*\)/.exec(body)?.[1];
    if (!file) continue;
    const rangeText = /unicode-range\s*:\s*([^;]+)/.exec(body)?.[1];
    const ranges = rangeText
      ? rangeText.split(',').map(parseRangeToken).filter((r): r is CodeRange => r !== undefined)
      : [[0, 0x10ffff] as const];
    slices.push({ file, ranges });
  }
  return slices;
}

const covers = (slice: FontSlice, cp: number) => slice.ranges.some(([a, b]) => cp >= a && cp <= b);

/**
 * The slices needed to draw `text`, in the CSS file's order (the order the fallback chain uses),
 * and the characters no slice covers (line breaks and other controls are not drawn, so skipped).
 */
export function selectSlices(slices: readonly FontSlice[], text: string): { slices: FontSlice[]; missing: string[] } {
  const needed = new Set<FontSlice>();
  const missing = new Set<string>();
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    const slice = slices.find((s) => covers(s, cp));
    if (slice) needed.add(slice);
    else missing.add(ch);
  }
  return { slices: slices.filter((s) => needed.has(s)), missing: [...missing] };
}
