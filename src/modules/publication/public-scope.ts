import type { Knex } from '@mikro-orm/postgresql';

/**
 * THE publication rules, in one place. Every public read starts from `visibleVersions`; nothing
 * on the public surface queries processing_activity_version or its children except through the
 * version ids this scope yields.
 *
 * A record is visible when it is not withheld, is a controller record (processor and Wpg records
 * are never public), and has a PUBLISHED version whose publish-from moment has passed. Of those
 * versions only the newest is visible. Drafts, versions under review and withdrawn versions never
 * are. Withdrawing a record withdraws all its published versions, so it leaves the listing.
 */
export const PUBLIC_VERSION_COLUMNS = [
  'v.id as version_id',
  'v.activity_id',
  'a.organisation_id',
  'a.reference',
  'v.version_number',
  'v.published_at',
  'v.publish_from',
  'v.title',
  'v.description',
  'v.legal_role',
  'v.joint_controllership_arrangement',
  'v.automated_decision_making',
  'v.automated_decision_statement',
  'v.automated_decision_logic',
  'v.automated_decision_consequences',
  'v.third_country_transfers',
  'v.third_country_transfers_statement',
  'v.transfer_safeguard_statement',
  'v.recipients_none',
  'v.related_processings_statement',
  'v.data_subject_rights',
  'v.processing_location',
  'v.legal_basis_codes',
  'v.special_category_codes',
  'v.transfer_country_codes',
] as const;

/** A published version of a visible record, as the public scope yields it. */
export interface PublicVersionRow {
  version_id: string;
  activity_id: string;
  organisation_id: string;
  reference: string;
  version_number: number;
  /** timestamptz as text (raw rows). */
  published_at: Date | string;
  publish_from: Date | string | null;
  title: string;
  description: string | null;
  legal_role: string;
  joint_controllership_arrangement: string | null;
  automated_decision_making: boolean | null;
  automated_decision_statement: string | null;
  automated_decision_logic: string | null;
  automated_decision_consequences: string | null;
  third_country_transfers: boolean | null;
  third_country_transfers_statement: string | null;
  transfer_safeguard_statement: string | null;
  recipients_none: boolean | null;
  related_processings_statement: string | null;
  data_subject_rights: string | null;
  processing_location: string | null;
  legal_basis_codes: string[];
  special_category_codes: string[];
  transfer_country_codes: string[];
}

/** Versions published and in force at `now`, of records that are not withheld. */
export function publishedVersionsQuery(knex: Knex, now: Date): Knex.QueryBuilder {
  return inForce(knex.from({ v: 'processing_activity_version' }).join({ a: 'processing_activity' }, 'a.id', 'v.activity_id'), 'v', now).where('a.withheld', false);
}

/** The version `alias` is PUBLISHED and its publish-from moment (if any) has passed. */
function inForce(q: Knex.QueryBuilder, alias: string, now: Date): Knex.QueryBuilder {
  return q
    .where(`${alias}.status`, 'PUBLISHED')
    .whereNotNull(`${alias}.published_at`)
    .where((w) => w.whereNull(`${alias}.publish_from`).orWhere(`${alias}.publish_from`, '<=', now));
}

/**
 * The public register: per record the newest version in force, kept only when that version is a
 * controller record. (Filtering the role after choosing the newest version matters: filtering
 * before would let an older controller version of a record that became a processor record through.)
 * Yields rows of PUBLIC_VERSION_COLUMNS (plus extraColumns) under the alias `pv`.
 *
 * "Newest in force" is written as "no newer version in force exists" rather than DISTINCT ON:
 * the same rows, but a plain filter that PostgreSQL can combine with an outer ORDER BY … LIMIT,
 * a keyset condition or a full-text match and walk an index (pav_public_title_idx, the GIN
 * indexes), instead of choosing the newest version of every record on every query.
 */
export function visibleVersionsQuery(knex: Knex, now: Date, extraColumns: string[] = []): Knex.QueryBuilder {
  const newest = publishedVersionsQuery(knex, now)
    .select(selectList(knex, [...PUBLIC_VERSION_COLUMNS, ...extraColumns]))
    .whereNotExists(inForce(knex.select(knex.raw('1')).from({ n: 'processing_activity_version' }).whereRaw('n.activity_id = v.activity_id and n.version_number > v.version_number'), 'n', now));
  return knex.select('pv.*').from(newest.as('pv')).where('pv.legal_role', 'CONTROLLER');
}

const renderedLists = new Map<string, string>();

/**
 * Columns ("v.id as version_id", "f.title") as one select list of quoted identifiers, rendered
 * once per list: knex would parse and quote each of them again on every query.
 */
export function selectList(knex: Knex, columns: readonly string[]): Knex.Raw {
  const key = columns.join();
  let sql = renderedLists.get(key);
  if (sql === undefined) {
    const quote = (name: string) => {
      if (!/^[a-z_]+$/.test(name)) throw new Error(`not a column name: ${name}`);
      return `"${name}"`;
    };
    sql = columns
      .map((column) => {
        const [ref, alias] = column.split(' as ');
        return ref.split('.').map(quote).join('.') + (alias ? ` as ${quote(alias)}` : '');
      })
      .join(', ');
    renderedLists.set(key, sql);
  }
  return knex.raw(sql);
}

/**
 * The next moment at which the public register changes by time alone: the earliest publish-from
 * still in the future of a published version. Whatever is derived from the register at `now`
 * (e.g. a cached response) is stale from then on. Null when nothing is scheduled.
 */
export async function nextScheduledPublication(knex: Knex, now: Date): Promise<Date | null> {
  const [row] = await knex.from('processing_activity_version').where('status', 'PUBLISHED').where('publish_from', '>', now).min({ next: 'publish_from' });
  return row?.next ? new Date(row.next) : null;
}
