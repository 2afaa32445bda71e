/**
 * Every collection of editor-owned data, validated once here.
 *
 * A malformed file fails `astro build` / `astro sync` with Astro's content error, which names the
 * collection, the entry (file) and each failing field. Cross-references between collections
 * (a chapter citing a law article, a checker rule naming a letter) are checked in `src/lib/` when
 * pages are generated, because a Zod schema only sees one entry at a time.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Who a page is written for. */
export const AUDIENCES = ['borrower', 'emergency-contact', 'everyone'] as const;

/** Kinds of legal source, strongest first (see /laws/). */
export const LAW_KINDS = [
  '法律',
  '行政法规',
  '部门规章',
  '规范性文件',
  '司法解释',
  '国家标准',
  '行业自律',
] as const;

export const VERIFICATION_LEVELS = ['verified', 'reported'] as const;

/** Checker role and action ids are URL segments: never rename one without a redirect. */
export const ROLE_IDS = [
  'borrower',
  'emergency-contact',
  'guarantor',
  'spouse',
  'relative-or-friend',
  'employer-colleague',
] as const;

export const ACTION_GROUPS = ['who', 'when', 'words', 'privacy', 'visits', 'money'] as const;

export const VERDICTS = ['allowed', 'conditional', 'prohibited', 'criminal'] as const;

const isoDate = z.coerce.date();
const nonEmpty = z.string().trim().min(1);

/** A reference to a registry entry: `law` id plus an optional article number or provision key. */
export const citationSchema = z.object({
  law: nonEmpty,
  article: z.union([nonEmpty, z.number().int().positive().transform(String)]).optional(),
});

/** Where a "next step" link points; ids are resolved (and checked) by src/lib/links.ts. */
export const nextStepSchema = z.object({
  type: z.enum(['chapter', 'letter', 'channel', 'checker', 'law']),
  id: nonEmpty,
  /** Optional fragment inside the target page, without `#`. */
  anchor: z.string().optional(),
  /** Optional link text; defaults to the target's title. */
  text: z.string().optional(),
});

const pageFrontMatter = {
  title: nonEmpty.max(60),
  /** The share summary: shown in link previews and search results. */
  description: nonEmpty.max(120),
  /** The one-sentence answer shown first on the page. */
  answer: nonEmpty.max(200),
  audience: z.array(z.enum(AUDIENCES)).min(1),
  order: z.number().int().nonnegative(),
  updated: isoDate,
  reviewed: isoDate,
  /** Extra words readers type for this page (synonyms, colloquialisms); indexed for search only. */
  keywords: z.array(nonEmpty).default([]),
};

const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
  schema: z.object({
    ...pageFrontMatter,
    /** Short label for navigation and previous/next links. */
    navTitle: nonEmpty.max(12).optional(),
  }),
});

const article = z
  .object({
    /** Article number as written in the law ("47", "293-1"), or a provision key for sources whose
     * article numbers are not confirmed ("hours"). Used in anchors: #art-<number>. */
    number: z.string().regex(/^(\d+(-\d+)?|[a-z][a-z0-9-]*)$/, '条文编号只能是 "47"、"293-1" 或小写英文键，如 "hours"'),
    /** Display label for provision keys, e.g. 「关于催收时间的规定」; numeric articles get 第N条. */
    label: z.string().optional(),
    summary: nonEmpty,
    quote: z.string().optional(),
    verification: z.enum(VERIFICATION_LEVELS),
    checked: isoDate,
    note: z.string().optional(),
  })
  .refine((a) => /^\d/.test(a.number) || a.label, {
    message: '非数字条文键需要 label',
    path: ['label'],
  });

const laws = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/laws' }),
  schema: z
    .object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      title: nonEmpty,
      shortTitle: nonEmpty,
      kind: z.enum(LAW_KINDS),
      issuer: nonEmpty,
      docNumber: z.string().optional(),
      adopted: isoDate.optional(),
      effective: isoDate.optional(),
      status: z.enum(['in-force', 'revised', 'repealed']),
      /** Registry id of the text that replaced this one (required when status is revised). */
      successor: z.string().optional(),
      /** Registry id of the text this one replaced. */
      predecessor: z.string().optional(),
      /** One or two sentences in our words: what this instrument is and why it matters here. */
      about: nonEmpty,
      official: z.object({
        name: nonEmpty,
        url: z.url(),
        /** true only for a verified link to the text itself; false for a database home page. */
        deepLink: z.boolean().default(false),
      }),
      verification: z.enum(VERIFICATION_LEVELS),
      checked: isoDate,
      note: z.string().optional(),
      articles: z.array(article).default([]),
    })
    .refine((l) => l.status !== 'revised' || l.successor, {
      message: 'status 为 revised 时必须填写 successor',
      path: ['successor'],
    }),
});

const channels = defineCollection({
  loader: file('content/channels.yaml'),
  schema: z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: nonEmpty,
    /** A verified public number only. */
    phone: z.string().regex(/^\d{3,5}$/).optional(),
    handles: nonEmpty,
    howTo: nonEmpty,
    expect: nonEmpty,
    official: z.object({ name: nonEmpty, url: z.url() }).optional(),
    cites: z.array(citationSchema).default([]),
    verification: z.enum(VERIFICATION_LEVELS),
    order: z.number().int(),
  }),
});

const checkerRoles = defineCollection({
  loader: file('content/checker/roles.yaml'),
  schema: z.object({
    id: z.enum(ROLE_IDS),
    label: nonEmpty,
    /** One line: how to tell whether this is you. */
    hint: nonEmpty,
    order: z.number().int(),
  }),
});

const checkerActions = defineCollection({
  loader: file('content/checker/actions.yaml'),
  schema: z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: nonEmpty,
    group: z.enum(ACTION_GROUPS),
    order: z.number().int(),
  }),
});

const checkerRule = z.object({
  roles: z.array(z.enum(ROLE_IDS)).min(1),
  verdict: z.enum(VERDICTS),
  headline: nonEmpty.max(60),
  why: nonEmpty,
  limits: z.array(nonEmpty).default([]),
  say: z.string().optional(),
  cites: z.array(citationSchema).min(1),
  next: z.array(nextStepSchema).min(1),
});

/** One file per action: content/checker/rules/<action-id>.yaml, covering each role exactly once. */
const checkerRules = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/checker/rules' }),
  schema: z
    .object({
      action: z.string().regex(/^[a-z0-9-]+$/),
      rules: z.array(checkerRule).min(1),
    })
    .superRefine((file, ctx) => {
      const seen = file.rules.flatMap((r) => r.roles);
      for (const role of ROLE_IDS) {
        const n = seen.filter((r) => r === role).length;
        if (n !== 1) {
          ctx.addIssue({
            code: 'custom',
            path: ['rules'],
            message: `角色 ${role} 必须恰好出现一次（现在 ${n} 次）`,
          });
        }
      }
    }),
});

const letterField = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  label: nonEmpty,
  kind: z.enum(['text', 'date', 'tel', 'textarea']).default('text'),
  max: z.number().int().positive().max(2000).default(60),
  hint: z.string().optional(),
});

const letters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/letters' }),
  schema: z.object({
    ...pageFrontMatter,
    /** Who the letter goes to, in plain words. */
    sendTo: nonEmpty,
    fields: z.array(letterField).default([]),
    /** The letter text with {{fieldId}} placeholders; omitted for the call log. */
    template: z.string().optional(),
    cites: z.array(citationSchema).default([]),
  }),
});

/** Words readers type and the site's words for them; search also runs in the site's words (src/lib/search/synonyms.ts). */
const searchSynonyms = defineCollection({
  loader: file('content/search/synonyms.yaml'),
  schema: z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** First the word the site uses, then what readers type instead. */
    terms: z.array(nonEmpty).min(2),
    /** Longer words containing a term that mean something else (借款人 contains 借款). */
    keep: z.array(nonEmpty).default([]),
    /** true: the other terms are misspellings, corrected in a query before anything else. */
    typo: z.boolean().default(false),
  }),
});

export const collections = {
  chapters,
  laws,
  channels,
  checkerRoles,
  checkerActions,
  checkerRules,
  letters,
  searchSynonyms,
};
