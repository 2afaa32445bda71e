/**
 * Resolves "next step" references ({ type, id }) to links, so chapters, checker rules and letters
 * name their targets by id and an unknown id fails the build with the file that named it.
 */
export type NextStepType = 'chapter' | 'letter' | 'channel' | 'checker' | 'law';

export interface NextStepRef {
  type: NextStepType;
  id: string;
  anchor?: string | undefined;
  text?: string | undefined;
}

export interface ResolvedLink {
  href: string;
  text: string;
}

/** Titles of everything a link may point to, by type and id. */
export type LinkTargets = Record<NextStepType, ReadonlyMap<string, string>>;

export class LinkError extends Error {
  override name = 'LinkError';
}

const HREF: Record<NextStepType, (id: string) => string> = {
  chapter: (id) => `/${id}/`,
  letter: (id) => `/letters/${id}/`,
  channel: (id) => `/help/#${id}`,
  checker: (id) => `/checker/${id}/`,
  law: (id) => `/laws/${id}/`,
};

export function resolveNextStep(targets: LinkTargets, ref: NextStepRef, source: string): ResolvedLink {
  const title = targets[ref.type].get(ref.id);
  if (title === undefined) {
    throw new LinkError(`${source}: 下一步链接指向不存在的 ${ref.type} "${ref.id}"`);
  }
  const base = HREF[ref.type](ref.id);
  const href = ref.anchor && !base.includes('#') ? `${base}#${ref.anchor}` : base;
  return { href, text: ref.text ?? title };
}
