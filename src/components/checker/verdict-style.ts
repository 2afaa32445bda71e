/**
 * How each verdict looks, shared by the prerendered pages and the checker island so both stay
 * identical. Colour is never the only signal: every badge also shows an icon and the label text.
 * (Plain class strings in a .ts file so Tailwind finds them when it scans the sources.)
 */
import type { Verdict } from '../../lib/checker/evaluate';

export const VERDICT_CLASS: Record<Verdict, string> = {
  allowed: 'border-ok text-ok',
  conditional: 'border-warn text-warn',
  prohibited: 'border-bad text-bad',
  criminal: 'border-crime text-crime',
};

/** The badge frame; size classes are added by the caller. */
export const BADGE_CLASS = 'verdict inline-flex items-center gap-2 rounded-lg border-2 bg-paper font-bold leading-snug';
export const ICON_CLASS = 'inline-flex shrink-0 items-center justify-center rounded-full border-2 border-current';
