/**
 * Pure parts of 朗读 (read aloud): which voice to use and how to cut a page into utterances.
 */

export interface VoiceLike {
  lang: string;
  localService: boolean;
}

/**
 * A Mandarin voice for mainland Chinese text, or undefined. Only voices that run on the device:
 * network voices (such as Chrome's online ones) would send the page's text to a third party.
 */
export function pickChineseVoice<V extends VoiceLike>(voices: readonly V[]): V | undefined {
  const local = voices.filter((v) => v.localService);
  const lang = (v: V) => v.lang.toLowerCase().replace(/_/g, '-');
  return (
    local.find((v) => lang(v) === 'zh-cn') ??
    local.find((v) => /^(zh|cmn)(-hans)?(-cn)?$/.test(lang(v)) && lang(v) !== 'zh')
  );
}

/**
 * Splits paragraphs into utterances of at most `max` characters, breaking after sentence-ending
 * punctuation where possible: some engines stop reading long utterances part-way.
 */
export function utterances(paragraphs: readonly string[], max = 120): string[] {
  const out: string[] = [];
  for (const raw of paragraphs) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    let current = '';
    for (const sentence of text.match(/[^。！？；!?;]+[。！？；!?;]*/g) ?? [text]) {
      for (let piece = sentence; piece; ) {
        const room = max - current.length;
        if (piece.length <= room) {
          current += piece;
          piece = '';
        } else if (current) {
          out.push(current.trim());
          current = '';
        } else {
          // A single sentence longer than max: cut at a comma if there is one, else at max.
          const cut = piece.slice(0, max).search(/[，、,][^，、,]*$/);
          const at = cut > 0 ? cut + 1 : max;
          out.push(piece.slice(0, at).trim());
          piece = piece.slice(at);
        }
      }
    }
    if (current.trim()) out.push(current.trim());
  }
  return out;
}
