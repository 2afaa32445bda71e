/**
 * Worker thread that draws link-preview images (started by render.ts). Laying out (satori),
 * rasterising (resvg) and encoding take ~18 ms of CPU per image; here they run on a second core
 * while Astro renders the HTML pages on the main thread, instead of taking turns with it.
 *
 * Plain JavaScript on purpose: Node loads this file by path at build time, outside Vite's bundle.
 *
 * workerData: { fonts: { name, file, weight }[], width, height }
 * message in:  { id, tree, file }   — an element tree from template.ts, and where to cache the PNG
 * message out: { id, png } | { id, error }
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from './png-encode.mjs';

const { width, height } = workerData;
// One array for every image: satori parses the fonts on first use and keeps them for this array.
const fonts = workerData.fonts.map((f) => ({ name: f.name, data: readFileSync(f.file), weight: f.weight, style: 'normal' }));

async function writeCache(file, png) {
  await mkdir(dirname(file), { recursive: true });
  // Write then rename, so a build running alongside never reads a half-written file.
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, png);
  await rename(tmp, file);
}

/** @param {{ id: number, tree: unknown, file: string }} job */
async function draw({ id, tree, file }) {
  try {
    const svg = await satori(/** @type {any} */ (tree), { width, height, fonts });
    // satori has already turned the text into paths, so resvg needs no fonts; scanning the system's
    // fonts on every image would cost more than drawing it.
    const image = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render();
    const png = encodePng(image.pixels, image.width, image.height);
    await writeCache(file, png);
    const bytes = new Uint8Array(png);
    parentPort.postMessage({ id, png: bytes }, [bytes.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

// One image at a time, in the order asked: the first pages to need an image get it first.
const queue = [];
let busy = false;
parentPort.on('message', async (job) => {
  queue.push(job);
  if (busy) return;
  busy = true;
  while (queue.length) await draw(queue.shift());
  busy = false;
});
