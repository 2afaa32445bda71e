/** Site-wide names and navigation. Text here is shown on every page. */
export const SITE_NAME = '催收明白纸';
export const SITE_TAGLINE = '催收员能做什么、不能做什么，一页说明白';
export const DISCLAIMER = '本站内容用于普及知识，不构成法律意见。';

export interface NavLink {
  href: string;
  text: string;
}

/** Header navigation: the two reader doors, the checker, questions and search. */
export const MAIN_NAV: NavLink[] = [
  { href: '/emergency-contacts/', text: '紧急联系人' },
  { href: '/borrower-rights/', text: '借款人' },
  { href: '/checker/', text: '催收员能做什么' },
  { href: '/common-problems/', text: '常见问题' },
  { href: '/letters/', text: '信件模板' },
];

export const AUDIENCE_LABELS: Record<string, string> = {
  borrower: '借款人',
  'emergency-contact': '紧急联系人',
  everyone: '所有人',
};

/** 2026年11月30日 — dates are shown in China's time zone whatever the build machine's is. */
export function formatDate(d: Date): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(d);
  return parts;
}

/** ISO date (YYYY-MM-DD) for <time datetime>. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
