/**
 * Turns what a worried reader types into a query Pagefind can match.
 *
 * Pagefind requires every word of a query to occur on a page. Readers type whole questions
 * (「紧急联系人要还钱吗」), and the question words and particles (吗、怎么办、是不是) rarely occur
 * near the answer, so they are removed here. Everything is pure string work so it runs the same in
 * the browser, in unit tests and in the evaluation script.
 */

/** Longest query we process; longer input is cut (the input field also caps at this length). */
export const MAX_QUERY_LENGTH = 100;

/**
 * Question words, particles and fillers, longest first so 「怎么办」 goes before 「怎么」.
 * Only words that carry no topic: 「合法」「多少」「还」 stay because answers contain them.
 */
export const QUESTION_WORDS: readonly string[] = [
  '我想问一下',
  '想问一下',
  '请问一下',
  '怎么办才好',
  '该怎么办',
  '怎么处理',
  '怎么回事',
  '是不是真的',
  '可不可以',
  '能不能够',
  '我想问',
  '请问',
  '怎么办',
  '怎么样',
  '咋回事',
  '该怎么',
  '怎么',
  '如何',
  '咋办',
  '是不是',
  '是否',
  '能不能',
  '可以吗',
  '行不行',
  '会不会',
  '要不要',
  '有没有',
  '为什么',
  '为啥',
  '是什么',
  '什么是',
  '是啥',
  '什么',
  '多长时间',
  '多久',
  '哪些',
  '到底',
  '究竟',
  '一下',
  '可以',
  '这么',
  '那么',
  '吗',
  '呢',
  '啊',
  '呀',
  '吧',
  '嘛',
  '么',
  '哦',
  '啦',
];

/**
 * 「几」 before a measure word asks for a number the answer states (保存几年 → 保存5年), so only
 * the measure word stays.
 */
const HOW_MANY = /几(?=[年次点天个条月岁])/gu;

/** 「合不合法」「正不正常」→ the plain word, which is what pages say. */
const A_NOT_A = /([\u4e00-\u9fff])不\1([\u4e00-\u9fff])/gu;

/** Full-width ASCII (Ａ、１、？) and the ideographic space become their half-width forms. */
export function foldWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Cuts to at most `max` code points without splitting a surrogate pair. */
export function capLength(s: string, max = MAX_QUERY_LENGTH): string {
  const chars = Array.from(s);
  return chars.length > max ? chars.slice(0, max).join('') : s;
}

/**
 * Punctuation, symbols (emoji included), control and format characters become spaces, so
 * markup-like input such as `<img onerror=…>` is reduced to its words and can never reach a page
 * as markup. Letters and digits of any script stay.
 */
function stripSymbols(s: string): string {
  return s.replace(/[\p{P}\p{S}\p{C}\p{M}]/gu, ' ');
}

const QUESTION_RE = new RegExp(
  // Longest first: a regex alternation takes the first alternative that matches, not the longest.
  // 「了」 is handled on its own: it is a particle except in 「了解」.
  `${[...QUESTION_WORDS]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')}|了(?!解)`,
  'gu',
);

/**
 * Removes question words and particles, leaving a space where each was so words don't merge.
 * Listed A-not-A forms (是不是、能不能) go entirely; the rest (合不合法) collapse to the word.
 */
export function stripQuestionWords(s: string): string {
  return s.replace(QUESTION_RE, ' ').replace(A_NOT_A, '$1$2').replace(HOW_MANY, ' ');
}

/** Collapses runs of whitespace and trims. */
export function collapseSpaces(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/**
 * The whole normalisation: width folding, length cap, symbols out, lower case, question words out.
 * If stripping question words would leave nothing (「怎么办」 on its own), the words are kept.
 */
export function normalizeQuery(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const cleaned = collapseSpaces(stripSymbols(foldWidth(capLength(raw, MAX_QUERY_LENGTH * 2))).toLowerCase());
  const stripped = collapseSpaces(stripQuestionWords(cleaned));
  return capLength(stripped || cleaned, MAX_QUERY_LENGTH).trim();
}

/**
 * Splits a normalised query into words the way Pagefind does in the browser (Intl.Segmenter for
 * Chinese); without Intl.Segmenter, falls back to whitespace. Words made only of characters in
 * `drop` (single-character function words) are left out.
 */
export function segmentWords(q: string, drop: ReadonlySet<string> = FUNCTION_CHARS): string[] {
  return segments(q)
    .map((s) => s.word)
    .filter((w) => !drop.has(w));
}

export interface Segment {
  word: string;
  /** Position in the query, to tell adjacent words from words with a space between. */
  index: number;
}

/** Word-like segments of a query, by Intl.Segmenter (as Pagefind does), else by whitespace. */
export function segments(q: string): Segment[] {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (!Segmenter) {
    const out: Segment[] = [];
    for (const m of q.matchAll(/\S+/gu)) out.push({ word: m[0], index: m.index });
    return out;
  }
  const seg = new Segmenter('zh-CN', { granularity: 'word' });
  return [...seg.segment(q)].filter((p) => p.isWordLike).map((p) => ({ word: p.segment, index: p.index }));
}

/**
 * Words that carry no topic on their own: pronouns, particles, common verbs, measure words and
 * adverbs like 天天 or 总是. Most pages have them or don't need them to answer, so as required words
 * they only add noise to the ranking and index chunks to download.
 */
export const FUNCTION_CHARS: ReadonlySet<string> = new Set([
  ...Array.from('我你他她它的地得了着过是在有和与或就都也还又很太要会能把被给让对从向跟这那个人说里'),
  ...['我是', '你是', '他是', '她是', '我不是', '不是', '我的', '你的', '他的', '她的', '我们', '你们', '他们', '她们', '自己', '这个', '那个', '一个', '这样', '那样', '就是', '还是', '但是', '已经', '现在', '一直', '的话', '天天', '总是', '老是', '经常', '真的', '根本'],
]);
