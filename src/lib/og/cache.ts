/**
 * Cache keys for link-preview images: a hash of everything that changes the picture (the text,
 * the template version, the font package version), so unchanged images are reused between builds.
 */
import { createHash } from 'node:crypto';
import type { OgSpec } from './specs';

export function ogCacheKey(spec: OgSpec, templateVersion: number, fontVersion: string): string {
  const { name: _name, path: _path, ...drawn } = spec;
  const payload = JSON.stringify({ templateVersion, fontVersion, drawn });
  return createHash('sha256').update(payload).digest('hex').slice(0, 32);
}
