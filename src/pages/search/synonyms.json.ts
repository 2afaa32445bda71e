/**
 * /search/synonyms.json: the synonym list for the search box, fetched only when a reader starts
 * searching (article pages don't carry it).
 */
import type { APIRoute } from 'astro';
import { synonymGroups } from '../../data/search';

export const GET: APIRoute = async () => {
  const groups = await synonymGroups();
  return new Response(JSON.stringify(groups.map(({ id: _id, ...g }) => g)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
