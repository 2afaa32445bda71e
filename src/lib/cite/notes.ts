import { citationKey, type CitationRef } from './references';

export interface NumberedNote {
  n: number;
  ref: CitationRef;
}

export interface NoteIndex {
  notes: NumberedNote[];
  /** Note number for a citation; the same article cited twice shares one note. */
  numberOf(ref: CitationRef): number | undefined;
  /** How many markers of each note have been rendered so far (keeps marker ids unique). */
  seen: Record<number, number>;
}

/** Numbers the notes of one page in order of first citation. */
export function numberNotes(refs: readonly CitationRef[]): NoteIndex {
  const byKey = new Map<string, NumberedNote>();
  for (const ref of refs) {
    const key = citationKey(ref);
    if (!byKey.has(key)) byKey.set(key, { n: byKey.size + 1, ref: { law: ref.law, article: ref.article } });
  }
  return {
    notes: [...byKey.values()],
    numberOf: (ref) => byKey.get(citationKey(ref))?.n,
    seen: {},
  };
}
