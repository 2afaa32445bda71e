/**
 * /og/qr/<name>.svg — a QR code of a chapter's, letter's or verdict's own address (the same names
 * as its link-preview image), shown by the share bar only when the reader asks for it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ogSpecs } from '../../../lib/og/site';
import { qrSvg } from '../../../lib/share/qr';

export const getStaticPaths = (async () => {
  return (await ogSpecs()).filter((s) => s.path).map((s) => ({ params: { name: s.name }, props: { path: s.path } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ path: string }> = ({ props, site }) =>
  new Response(qrSvg(new URL(props.path, site).href), { headers: { 'Content-Type': 'image/svg+xml' } });
