/**
 * Draws link-preview PNGs at build time: satori lays out the element tree with Noto Sans SC read
 * from @fontsource's .woff slices (only those holding characters the images use), resvg turns the
 * SVG into a PNG. Finished images are kept in node_modules/.cache/og (or $OG_CACHE_DIR) under a
 * hash of their content, so a rebuild only draws what changed.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import satori from 'satori';
import { renderAsync } from '@resvg/resvg-js';
import { parseFontFaces, selectSlices } from './fonts';
import { ogCacheKey } from './cache';
import { OG_HEIGHT, OG_WIDTH, TEMPLATE_VERSION, ogTree, textOf } from './template';
import type { OgSpec } from './specs';

const FONT_PACKAGE = '@fontsource/noto-sans-sc';
/** One bold weight for everything: fewer slices to read, and bold stays legible in thumbnails. */
const FONT_WEIGHT = 700;
/** Images rasterised at once on libuv's thread pool while satori lays out the next one. */
const IN_FLIGHT = 4;

interface FontPackage {
  dir: string;
  version: string;
}

function fontPackage(): FontPackage {
  // Resolve from the project (the working directory), not from this file's bundled location.
  const require = createRequire(join(process.cwd(), 'package.json'));
  const pkgJson = require.resolve(`${FONT_PACKAGE}/package.json`);
  return { dir: dirname(pkgJson), version: (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version };
}

export function cacheDir(): string {
  return process.env.OG_CACHE_DIR ?? join(process.cwd(), 'node_modules/.cache/og');
}

/**
 * Reads the slices that hold `text`. Each slice becomes its own family; listing them all as one
 * fallback chain lets satori pick, per character, the slice that has it (one shared family name
 * would draw empty boxes).
 */
async function loadFonts(pkg: FontPackage, text: string) {
  const all = parseFontFaces(readFileSync(join(pkg.dir, `${FONT_WEIGHT}.css`), 'utf8'));
  const { slices, missing } = selectSlices(all, text);
  if (missing.length) throw new Error(`预览图：字体 ${FONT_PACKAGE} 里没有这些字符：${missing.join(' ')}`);
  const fonts = await Promise.all(
    slices.map(async (s, i) => ({
      name: `og${i}`,
      data: await readFile(join(pkg.dir, 'files', s.file)),
      weight: FONT_WEIGHT as 700,
      style: 'normal' as const,
    })),
  );
  return { fonts, family: fonts.map((f) => f.name).join(', ') };
}

async function writeCache(file: string, png: Buffer) {
  await mkdir(dirname(file), { recursive: true });
  // Write then rename, so a build running alongside never reads a half-written file.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, png);
  await rename(tmp, file);
}

/**
 * Starts producing every image and returns a promise per image name. Cached images are read back;
 * the rest share one font set (parsed once by satori) and are laid out one after another, each
 * rasterised on another thread while the next is laid out. Pages that look the same share a drawing.
 */
export function renderAll(specs: readonly OgSpec[], siteName: string): Map<string, Promise<Buffer>> {
  const pkg = fontPackage();
  const jobs = specs.map((spec) => ({ spec, file: join(cacheDir(), `${ogCacheKey(spec, TEMPLATE_VERSION, pkg.version)}.png`) }));
  const results = new Map<string, Promise<Buffer>>();
  const settle = new Map<string, { resolve: (b: Buffer) => void; reject: (e: unknown) => void }>();
  for (const { spec } of jobs) {
    results.set(
      spec.name,
      new Promise<Buffer>((resolve, reject) => settle.set(spec.name, { resolve, reject })),
    );
    // A failure is reported by the page that asks for the image; avoid an unhandled rejection before.
    results.get(spec.name)!.catch(() => {});
  }

  void (async () => {
    const missing: typeof jobs = [];
    await Promise.all(
      jobs.map(async (job) => {
        try {
          settle.get(job.spec.name)!.resolve(await readFile(job.file));
        } catch {
          missing.push(job);
        }
      }),
    );
    if (!missing.length) return;
    const started = performance.now();
    let fonts: Awaited<ReturnType<typeof loadFonts>>;
    try {
      fonts = await loadFonts(pkg, missing.map((j) => textOf(j.spec, siteName)).join(''));
    } catch (e) {
      for (const j of missing) settle.get(j.spec.name)!.reject(e);
      return;
    }
    const running = new Set<Promise<void>>();
    /** Cache file → the PNG being drawn for it: pages whose images look the same share one drawing. */
    const drawn = new Map<string, Promise<Buffer>>();
    for (const job of missing) {
      const done = settle.get(job.spec.name)!;
      const same = drawn.get(job.file);
      if (same) {
        same.then(done.resolve, done.reject);
        continue;
      }
      try {
        const svg = await satori(ogTree(job.spec, siteName, fonts.family) as never, {
          width: OG_WIDTH,
          height: OG_HEIGHT,
          fonts: fonts.fonts,
        });
        // satori has already turned the text into paths, so resvg needs no fonts; scanning the system's
        // fonts on every image would cost more than drawing it.
        const png = renderAsync(svg, { fitTo: { mode: 'width', value: OG_WIDTH }, font: { loadSystemFonts: false } }).then(async (img) => {
          const bytes = img.asPng();
          await writeCache(job.file, bytes);
          return bytes;
        });
        drawn.set(job.file, png);
        png.then(done.resolve, done.reject);
        const p: Promise<void> = png.then(
          () => void running.delete(p),
          () => void running.delete(p),
        );
        running.add(p);
        if (running.size >= IN_FLIGHT) await Promise.race(running);
      } catch (e) {
        done.reject(e);
      }
    }
    await Promise.all(running);
    console.info(`[og] drew ${drawn.size} link-preview images (${jobs.length - missing.length} from cache, ${fonts.fonts.length} font slices) in ${Math.round(performance.now() - started)} ms`);
  })();
  return results;
}
