/** What the share sheet sends along with the link: the title, then the summary. */
export function shareText(title: string, summary: string): string {
  const t = title.trim();
  const s = summary.trim();
  if (!s || s.startsWith(t)) return s || t;
  // Chinese titles rarely end in punctuation; a full-width colon joins them to the summary.
  return /[。！？：，；…]$/.test(t) ? `${t}${s}` : `${t}：${s}`;
}
