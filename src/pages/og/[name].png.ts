/**
 * /og/<name>.png — the 1200×630 link-preview image of a chapter, letter or checker verdict, and
 * /og/default.png for every other page. Drawn at build time (see src/lib/og/render.ts).
 * OG_IMAGES=0 skips them (only to measure how long they take to build).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ogSpecs } from '../../lib/og/site';
import { renderAll } from '../../lib/og/render';
import { SITE_NAME } from '../../lib/site';

/** Image name → its PNG, being drawn. */
let batch: Map<string, Promise<Buffer>> | undefined;

export const getStaticPaths = (async () => {
  if (process.env.OG_IMAGES === '0') return [];
  const specs = await ogSpecs();
  // Start drawing now, while Astro renders the HTML pages: layout interleaves with page rendering
  // and PNG encoding runs on other threads, so a cold build waits less for the images.
  batch = renderAll(specs, SITE_NAME);
  return specs.map((spec) => ({ params: { name: spec.name } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  let image = batch?.get(params.name!);
  if (!image) {
    // `astro dev`, or a page added since the batch started.
    batch = renderAll(await ogSpecs(), SITE_NAME);
    image = batch.get(params.name!);
  }
  if (!image) return new Response(null, { status: 404 });
  const png = await image;
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
