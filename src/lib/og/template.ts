/**
 * The layout of a 1200×630 link-preview image as a satori element tree (plain objects, so no JSX
 * runtime is needed). Pure: the same spec always gives the same tree. Bump TEMPLATE_VERSION when
 * the look changes, so cached images are redrawn.
 */
import type { Verdict } from '../checker/evaluate';
import type { OgSpec } from './specs';

export const TEMPLATE_VERSION = 7;
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** Width inside the 64 px side margins. */
const TEXT_WIDTH = OG_WIDTH - 2 * 64;

/** The light theme of the site (src/styles/global.css); verdict colours match the checker's. */
const INK = '#1c1f24';
const MUTED = '#4a5260';
const BRAND = '#0b5cad';
export const VERDICT_COLOURS: Record<Verdict, string> = {
  allowed: '#1d6b35',
  conditional: '#8a5a00',
  prohibited: '#b3261e',
  criminal: '#6e1a8c',
};

export interface OgNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | OgNode | (string | OgNode)[] };
}

const el = (style: Record<string, string | number>, children?: OgNode['props']['children']): OgNode => ({
  type: 'div',
  props: children === undefined ? { style } : { style, children },
});

/** Long titles get a smaller size so they fit in three lines; short ones stay large for thumbnails. */
export function titleSize(title: string, verdict: boolean): number {
  const n = [...title].length;
  // Verdict titles share the card with the label and headline: one line when it fits at all.
  if (verdict) return n * 68 <= TEXT_WIDTH ? 68 : n * 56 <= TEXT_WIDTH ? 56 : 50;
  return n <= 12 ? 84 : n <= 24 ? 72 : n <= 40 ? 60 : 50;
}

/** Every character an image draws: what its fonts must cover. */
export function textOf(spec: OgSpec, siteName: string): string {
  return [siteName, spec.kicker, spec.title, spec.verdict?.label ?? '', spec.verdict?.headline ?? ''].join('');
}

export function ogTree(spec: OgSpec, siteName: string, fontFamily: string): OgNode {
  const accent = spec.verdict ? VERDICT_COLOURS[spec.verdict.key] : BRAND;
  const header = el(
    { display: 'flex', alignItems: 'center', height: 112, padding: '0 64px', backgroundColor: BRAND, color: '#ffffff' },
    // The default image shows the name large in its body instead.
    spec.kicker ? el({ fontSize: 48, fontWeight: 700, letterSpacing: 2 }, siteName) : [],
  );
  const body: OgNode[] = [];
  if (spec.kicker) {
    body.push(
      el({ fontSize: 34, lineHeight: 1.35, color: MUTED, marginBottom: 14, lineClamp: 2 }, spec.kicker),
      el({ fontSize: titleSize(spec.title, !!spec.verdict), lineHeight: 1.3, color: INK, lineClamp: 3 }, spec.title),
    );
  } else {
    // The site-wide default: the name large, the tagline under it.
    body.push(
      el({ fontSize: 112, color: BRAND, letterSpacing: 8 }, siteName),
      el({ fontSize: 52, lineHeight: 1.35, color: INK, marginTop: 20 }, spec.title),
    );
  }
  if (spec.verdict) {
    body.push(
      el(
        { display: 'flex', alignItems: 'center', marginTop: 28 },
        [
          el(
            {
              backgroundColor: accent,
              color: '#ffffff',
              fontSize: 52,
              padding: '6px 32px',
              borderRadius: 14,
              flexShrink: 0,
            },
            spec.verdict.label,
          ),
        ],
      ),
      el({ fontSize: 34, lineHeight: 1.4, color: INK, marginTop: 24, lineClamp: 2 }, spec.verdict.headline),
    );
  }
  return el(
    {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: '#ffffff',
      fontFamily,
      fontWeight: 700,
    },
    [
      header,
      el({ display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '44px 64px 0', justifyContent: 'center' }, body),
      el({ height: 20, backgroundColor: accent }),
    ],
  );
}
