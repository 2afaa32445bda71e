/**
 * /checker/data/<role>.json — every verdict for one role, resolved at build time (see
 * src/lib/checker/data.ts). The interactive checker fetches it from the same origin when a role is
 * chosen, so /checker/ itself stays small.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { checkerData } from '../../../data/registry';
import { buildRoleData } from '../../../lib/checker/data';
import { pairKey } from '../../../lib/checker/evaluate';

export const getStaticPaths = (async () => {
  const { roles } = await checkerData();
  return roles.map((r) => ({ params: { role: r.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { roles, actions, table } = await checkerData();
  const role = roles.find((r) => r.id === params.role)!;
  const data = buildRoleData(role, actions, (action) => {
    const rule = table.get(pairKey(role.id, action))!;
    return { ...rule, cites: rule.resolvedCites.map((c) => ({ text: c.text, href: c.href })) };
  });
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
