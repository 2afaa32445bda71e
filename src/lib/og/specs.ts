/**
 * Which pages get their own link-preview image, and what each image says. The image of a page is
 * found from its URL alone (/checker/spouse/insult/ → /og/checker-spouse-insult.png), so page
 * templates written by anyone get the right og:image from Base.astro without passing it.
 */
import { VERDICT_LABELS, buildRuleTable, pairKey, type Verdict } from '../checker/evaluate';

export interface OgSpec {
  /** File name without .png; also the route parameter of /og/[name].png. */
  name: string;
  /** The page this image belongs to ('' for the site-wide default). */
  path: string;
  /** Small label above the title: 章节, 信件模板, or 如果你是… for verdicts. */
  kicker: string;
  title: string;
  verdict?: { key: Verdict; label: string; headline: string } | undefined;
}

export const DEFAULT_OG_NAME = 'default';

/** /checker/spouse/insult/ → checker-spouse-insult; the home page → undefined (it uses the default). */
export function ogNameForPath(pathname: string): string | undefined {
  const name = pathname
    .split('/')
    .filter((s) => s !== '' && s !== 'index.html')
    .join('-');
  return name === '' ? undefined : name;
}

export const ogImagePath = (name: string) => `/og/${name}.png`;

export interface OgSources {
  chapters: readonly { id: string; title: string }[];
  letters: readonly { id: string; title: string }[];
  verdicts: readonly {
    role: string;
    action: string;
    actionLabel: string;
    verdict: Verdict;
    headline: string;
    /** Labels of every role the same rule covers (this page's role among them), in role order. */
    ruleRoles: readonly string[];
    /** Whether the rule covers every role. */
    allRoles: boolean;
  }[];
  /** Shown on the default image under the site name. */
  tagline: string;
}

/** Every image to generate, the default first. Throws if two pages would share a file name. */
export function buildOgSpecs(src: OgSources): OgSpec[] {
  const specs: OgSpec[] = [{ name: DEFAULT_OG_NAME, path: '', kicker: '', title: src.tagline }];
  const add = (path: string, spec: Omit<OgSpec, 'name' | 'path'>) => {
    specs.push({ name: ogNameForPath(path)!, path, ...spec });
  };
  for (const c of src.chapters) add(`/${c.id}/`, { kicker: '章节', title: c.title });
  for (const l of src.letters) add(`/letters/${l.id}/`, { kicker: '信件模板', title: l.title });
  for (const v of src.verdicts) {
    add(`/checker/${v.role}/${v.action}/`, {
      kicker: verdictKicker(v.ruleRoles, v.allRoles),
      // Action labels complete the sentence 「催收员……」 (see content/checker/actions.yaml).
      title: `催收员${v.actionLabel}`,
      verdict: { key: v.verdict, label: VERDICT_LABELS[v.verdict].label, headline: v.headline },
    });
  }
  const seen = new Map<string, string>();
  for (const s of specs) {
    const other = seen.get(s.name);
    if (other !== undefined) throw new Error(`预览图文件名冲突：${other} 和 ${s.path} 都会生成 /og/${s.name}.png`);
    seen.set(s.name, s.path);
  }
  return specs;
}

/**
 * Who a verdict image speaks to: every role its rule covers, not only the page's own, so the pages of
 * one rule share one image (drawn once) and the image stays true for each of them.
 */
export function verdictKicker(roles: readonly string[], all: boolean): string {
  if (all) return '无论你是谁';
  const who = roles.length > 1 ? `${roles.slice(0, -1).join('、')}或${roles.at(-1)}` : (roles[0] ?? '');
  return `如果你是${who}`;
}

/** The og:image of a page: its own image when it has one, else the site default. */
export function ogImageFor(pathname: string, names: ReadonlySet<string>): string {
  const name = ogNameForPath(pathname);
  return ogImagePath(name !== undefined && names.has(name) ? name : DEFAULT_OG_NAME);
}

/** The content an image set is drawn from, as plain data (Astro entries or the raw files). */
export interface OgContent {
  chapters: readonly { id: string; title: string }[];
  letters: readonly { id: string; title: string }[];
  /** In display order: the order of roles in 「如果你是A、B或C」. */
  roles: readonly { id: string; label: string }[];
  actions: readonly { id: string; label: string }[];
  ruleFiles: readonly {
    action: string;
    rules: readonly { roles: readonly string[]; verdict: Verdict; headline: string }[];
    source: string;
  }[];
  tagline: string;
}

/** Every image of the site: one per chapter and letter, one per (role, action) verdict page. */
export function ogSpecsFromContent(content: OgContent): OgSpec[] {
  const roleIds = content.roles.map((r) => r.id);
  const table = buildRuleTable(content.ruleFiles, roleIds, content.actions.map((a) => a.id));
  const label = new Map(content.roles.map((r) => [r.id, r.label]));
  const verdicts = content.roles.flatMap((r) =>
    content.actions.map((a) => {
      const rule = table.get(pairKey(r.id, a.id))!;
      return {
        role: r.id,
        action: a.id,
        actionLabel: a.label,
        verdict: rule.verdict,
        headline: rule.headline,
        ruleRoles: roleIds.filter((id) => rule.roles.includes(id)).map((id) => label.get(id)!),
        allRoles: roleIds.every((id) => rule.roles.includes(id)),
      };
    }),
  );
  return buildOgSpecs({ chapters: content.chapters, letters: content.letters, verdicts, tagline: content.tagline });
}
