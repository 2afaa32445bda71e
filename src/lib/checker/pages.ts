/**
 * Words and shapes shared by the checker's pages and its island: page titles, the form's group
 * legends, search audiences and how a rule's "why" breaks into short paragraphs.
 */

/** Legends for the form's groups of actions, in form order (see ACTION_GROUPS). */
export const GROUP_LABELS: Record<string, string> = {
  who: '他们找了谁、问了什么',
  when: '来电的时间和次数',
  words: '说了什么：言语和威胁',
  privacy: '隐私和个人信息',
  visits: '上门和人身安全',
  money: '钱：还款、收费和转账',
};

/**
 * Pagefind's audience filter has two doors (see src/layouts/Article.astro): the borrower, and
 * everyone a collector calls about someone else's debt.
 */
export function searchAudience(role: string): '借款人' | '紧急联系人' {
  return role === 'borrower' ? '借款人' : '紧急联系人';
}

/** The question a verdict page answers, as people would ask it. */
export function verdictTitle(roleLabel: string, actionLabel: string): string {
  return `催收员${actionLabel}，可以吗？（${roleLabel}）`;
}

export function rolePageTitle(roleLabel: string): string {
  return `催收员能对${roleLabel}做什么？`;
}

/**
 * Rule texts are written as a few sentences per YAML block; on a phone they read better as short
 * paragraphs. Breaks after sentence-ending punctuation where the source had a line break (folded to
 * whitespace); never splits inside a sentence, and drops empty pieces.
 */
export function paragraphs(text: string): string[] {
  return text
    .split(/(?<=[。！？；])\s+/u)
    .map((p) => p.trim())
    .filter(Boolean);
}
