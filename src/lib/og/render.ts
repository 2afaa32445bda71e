/**
 * Draws link-preview PNGs at build time: satori lays out the element tree with Noto Sans SC read
 * from @fontsource's .woff slices (only those holding characters the images use), resvg turns the
 * SVG into a PNG. Both run on a worker thread (draw-worker.mjs), so a cold build draws the images on
 * a second core while Astro syncs, bundles and renders the pages. Finished images are kept in node_modules/.cache/og (or
 * $OG_CACHE_DIR) under a hash of their content, so a rebuild only draws what changed.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseFontFaces, selectSlices } from './fonts';
import { ogCacheKey } from './cache';
import { OG_HEIGHT, OG_WIDTH, TEMPLATE_VERSION, ogTree, textOf } from './template';
import type { OgSpec } from './specs';

const FONT_PACKAGE = '@fontsource/noto-sans-sc';
/** One bold weight for everything: fewer slices to read, and bold stays legible in thumbnails. */
const FONT_WEIGHT = 700;
/** Loaded by path, outside Vite's bundle (which is why it is plain JavaScript). */
const WORKER_FILE = 'src/lib/og/draw-worker.mjs';

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

function cacheDir(): string {
  return process.env.OG_CACHE_DIR ?? join(process.cwd(), 'node_modules/.cache/og');
}

/** Where the finished image of `spec` is kept: named by everything that changes the picture. */
export function cacheFile(spec: OgSpec, fontVersion = fontPackage().version): string {
  return join(cacheDir(), `${ogCacheKey(spec, TEMPLATE_VERSION, fontVersion)}.png`);
}

/**
 * The slices that hold `text`. Each slice becomes its own family; listing them all as one fallback
 * chain lets satori pick, per character, the slice that has it (one shared family name would draw
 * empty boxes).
 */
function fontSlices(pkg: FontPackage, text: string) {
  const all = parseFontFaces(readFileSync(join(pkg.dir, `${FONT_WEIGHT}.css`), 'utf8'));
  const { slices, missing } = selectSlices(all, text);
  if (missing.length) throw new Error(`预览图：字体 ${FONT_PACKAGE} 里没有这些字符：${missing.join(' ')}`);
  const fonts = slices.map((s, i) => ({ name: `og${i}`, file: join(pkg.dir, 'files', s.file), weight: FONT_WEIGHT }));
  return { fonts, family: fonts.map((f) => f.name).join(', ') };
}

/**
 * Images being produced in this process, by cache file. Shared through globalThis because the early
 * start (src/integrations/og-images.ts, loaded with the Astro config) and the page bundle (site.ts)
 * are separate copies of this module: the pages pick up what the early start began.
 */
const SHARED = Symbol.for('cuishou.og.drawings');
function drawings(): Map<string, Promise<Buffer>> {
  const g = globalThis as { [SHARED]?: Map<string, Promise<Buffer>> };
  return (g[SHARED] ??= new Map());
}

/** One worker thread drawing images in the order asked; it ends itself when nothing is left to do. */
class Drawer {
  #worker: Worker | undefined;
  #waiting = new Map<number, { resolve: (b: Buffer) => void; reject: (e: unknown) => void }>();
  #nextId = 0;
  #open = 0;
  #drawn = 0;
  #started = 0;
  /** Why the worker died, if it did: later images fail at once instead of waiting forever. */
  #failure: unknown;

  constructor(readonly fonts: ReturnType<typeof fontSlices>) {}

  /** Keeps the worker for one more image until the returned function is called. */
  hold(): () => void {
    this.#open++;
    return () => {
      if (--this.#open === 0 && this.#worker) {
        void this.#worker.terminate();
        this.#worker = undefined;
        console.info(`[og] drew ${this.#drawn} link-preview images (${this.fonts.fonts.length} font slices) in ${Math.round(performance.now() - this.#started)} ms`);
      }
    };
  }

  draw(file: string, tree: unknown): Promise<Buffer> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const worker = this.#start();
    const id = this.#nextId++;
    this.#drawn++;
    return new Promise<Buffer>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      worker.postMessage({ id, file, tree });
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    this.#started = performance.now();
    const worker = new Worker(join(process.cwd(), WORKER_FILE), {
      workerData: { fonts: this.fonts.fonts, width: OG_WIDTH, height: OG_HEIGHT },
    });
    worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
      const job = this.#waiting.get(id);
      this.#waiting.delete(id);
      if (png) job?.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      else job?.reject(new Error(error));
    });
    const fail = (e: unknown) => {
      this.#failure ??= e;
      for (const job of this.#waiting.values()) job.reject(e);
      this.#waiting.clear();
    };
    worker.on('error', fail);
    // terminate() only comes when nothing is waiting; any other exit leaves images unanswered.
    worker.on('exit', (code) => {
      if (this.#waiting.size) fail(new Error(`the drawing worker stopped (exit code ${code})`));
    });
    this.#worker = worker;
    return worker;
  }
}

/**
 * Starts producing every image and returns a promise per image name. An image already on its way in
 * this process is shared; a cached one is read back; the rest go to one worker thread, which parses
 * the fonts once and draws them one after another. Pages whose images look the same (same cache
 * file) share one drawing.
 */
export function renderAll(specs: readonly OgSpec[], siteName: string): Map<string, Promise<Buffer>> {
  const pkg = fontPackage();
  const shared = drawings();
  const results = new Map<string, Promise<Buffer>>();
  /** Images this call has to produce itself: cache file → the first spec that shows it. */
  const fresh = new Map<string, OgSpec>();
  for (const spec of specs) {
    const file = cacheFile(spec, pkg.version);
    if (!shared.has(file) && !fresh.has(file)) fresh.set(file, spec);
  }
  let drawer: Drawer | undefined;
  for (const [file, spec] of fresh) {
    const png = (async () => {
      try {
        return await readFile(file);
      } catch {
        // Fonts for every new image at once: one worker, one font set.
        drawer ??= new Drawer(fontSlices(pkg, [...fresh.values()].map((s) => textOf(s, siteName)).join('')));
        const done = drawer.hold();
        try {
          return await drawer.draw(file, ogTree(spec, siteName, drawer.fonts.family));
        } catch (e) {
          throw new Error(`预览图（${spec.title}）画不出来：${e instanceof Error ? e.message : String(e)}`);
        } finally {
          done();
        }
      }
    })();
    // A failure is reported by the page that asks for the image; avoid an unhandled rejection before.
    png.catch(() => {});
    shared.set(file, png);
  }
  for (const spec of specs) {
    const file = cacheFile(spec, pkg.version);
    results.set(spec.name, shared.get(file)!);
  }
  return results;
}

const PLAN = Symbol.for('cuishou.og.plan');
type Plan = Map<string, Promise<Buffer>>;

/**
 * Records the images a build ships (page name → PNG, drawing started). Called from the page bundle
 * (site.ts), which knows the validated content; read at the end of the build by the integration
 * (src/integrations/og-images.ts), which writes them to dist/og/ without a route per image.
 */
export function planImages(specs: readonly OgSpec[], siteName: string): void {
  (globalThis as { [PLAN]?: Plan })[PLAN] = renderAll(specs, siteName);
}

export function plannedImages(): Plan | undefined {
  return (globalThis as { [PLAN]?: Plan })[PLAN];
}
