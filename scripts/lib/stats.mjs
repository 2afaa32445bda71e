// Small statistics shared by the measuring scripts (bench-og.mjs, search-eval.mjs).

/** The median: the middle value, or the mean of the two middle values of an even count. */
export function median(/** @type {number[]} */ xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
