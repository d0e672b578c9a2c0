import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation } from './organisation.entity';

/**
 * SQL yielding the ids of the organisation bound to `?` and all its descendants (recursive CTE
 * over parent_id; `union` rather than `union all`, so even a cycle could not make it run away).
 * The sync scope runs it; the public filter embeds it as a subquery.
 */
export const SUBTREE_IDS_SQL = subtreeIdsSql('?');

/** SUBTREE_IDS_SQL for the organisation whose id `rootSql` yields (a bound value or a scalar subquery). */
export function subtreeIdsSql(rootSql: string): string {
  return `with recursive subtree(id) as (
  select id from organisation where id = ${rootSql}
  union
  select o.id from organisation o join subtree s on o.parent_id = s.id
) select id from subtree`;
}

/** The ids of an organisation and all its descendants. */
export async function subtreeIds(em: EntityManager, rootId: string): Promise<string[]> {
  const rows: { id: string }[] = await em.getConnection().execute(SUBTREE_IDS_SQL, [rootId]);
  return rows.map((r) => r.id);
}

/** An organisation named by id, TOOI URI or OIN. */
export interface OrganisationIdentifier {
  id?: string | null;
  tooiUri?: string | null;
  oin?: string | null;
}

/**
 * Finds an organisation by id, TOOI URI or OIN, but only among `allowedIds`: an organisation
 * outside them is answered exactly like one that does not exist.
 */
export async function findOrganisationIn(em: EntityManager, identifier: OrganisationIdentifier, allowedIds: readonly string[] | null): Promise<Organisation | null> {
  const where: Record<string, unknown>[] = [];
  if (identifier.id) where.push({ id: identifier.id });
  if (identifier.tooiUri) where.push({ tooiUri: identifier.tooiUri });
  if (identifier.oin) where.push({ oin: identifier.oin });
  if (where.length !== 1) return null;
  const found = await em.findOne(Organisation, where[0]);
  if (!found || (allowedIds && !allowedIds.includes(found.id))) return null;
  return found;
}

/** `text` as an (i)like pattern that matches only itself: names may contain % and _. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
