/**
 * Link-preview images in a build. Drawing starts as soon as `astro build` begins, from the raw content
 * files (src/lib/og/early.ts), so it runs on a second core while Astro syncs content and bundles, not
 * only while it renders pages. The pages then plan the images from validated content (site.ts); what
 * the early start drew is shared by cache file (render.ts), and anything it missed is drawn then. When
 * the pages are done, this writes the planned images to dist/og/. `npm run bench:og` measures the cost.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ogSpecsFromFiles } from '../lib/og/early';
import { plannedImages, renderAll } from '../lib/og/render';
import { SITE_NAME, SITE_TAGLINE } from '../lib/site';

/** OG_IMAGES=0 builds without images: only to measure what they cost. */
const enabled = () => process.env.OG_IMAGES !== '0';

export default function ogImages(): AstroIntegration {
  return {
    name: 'cuishou:og-images',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build' || !enabled()) return;
        const specs = ogSpecsFromFiles(fileURLToPath(config.root), SITE_TAGLINE);
        if (specs) renderAll(specs, SITE_NAME);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!enabled()) return;
        const images = plannedImages();
        if (!images) throw new Error('预览图：没有页面登记要生成的图片（应由 src/lib/og/site.ts 的 ogSpecs() 登记）');
        const out = join(fileURLToPath(dir), 'og');
        await mkdir(out, { recursive: true });
        await Promise.all([...images].map(async ([name, png]) => writeFile(join(out, `${name}.png`), await png)));
        logger.info(`wrote ${images.size} link-preview images to ${out}`);
      },
    },
  };
}
