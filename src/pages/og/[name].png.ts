/**
 * /og/<name>.png — the 1200×630 link-preview image of a chapter, letter or checker verdict, and
 * /og/default.png for every other page, served by `astro dev`. A build writes the same images itself
 * (src/integrations/og-images.ts): a route per image cost Astro more time than the files are worth.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ogSpecs } from '../../lib/og/site';
import { renderAll } from '../../lib/og/render';
import { SITE_NAME } from '../../lib/site';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  return (await ogSpecs()).map((spec) => ({ params: { name: spec.name } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  // Drawings are shared by content (render.ts), so asking again for every request redraws nothing.
  const image = renderAll(await ogSpecs(), SITE_NAME).get(params.name!);
  if (!image) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(await image), { headers: { 'Content-Type': 'image/png' } });
};
