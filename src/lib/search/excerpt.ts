/**
 * Pagefind returns excerpts as HTML: the page text, entity-escaped, with the matched words in
 * <mark>. We never put that string into innerHTML. It is parsed into plain text parts (marked or
 * not) and the page builds text nodes and <mark> elements from them, so nothing in an excerpt
 * can ever become markup on our page.
 */

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the entities Pagefind emits (and numeric ones); unknown entities stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Only real Unicode scalar values; NUL, surrogates and out-of-range codes stay as written.
      if (code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) return String.fromCodePoint(code);
      return whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/**
 * Splits an excerpt into parts at <mark> and </mark>. Any other tag-like text is kept as literal
 * text (Pagefind escapes page text, so a real tag other than <mark> does not occur). Adjacent parts
 * of the same kind are merged and empty parts dropped.
 */
export function parseExcerpt(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of html.split(/(<\/?mark>)/iu)) {
    if (/^<mark>$/iu.test(piece)) {
      mark = true;
      continue;
    }
    if (/^<\/mark>$/iu.test(piece)) {
      mark = false;
      continue;
    }
    const text = decodeEntities(piece);
    if (!text) continue;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  }
  return parts;
}

/** The excerpt as plain text, for places that show no highlighting. */
export function excerptText(parts: readonly ExcerptPart[]): string {
  return parts.map((p) => p.text).join('');
}
