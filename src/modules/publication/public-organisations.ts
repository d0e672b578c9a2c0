import type { Knex } from '@mikro-orm/postgresql';
import { pooledStatement, uuidArray } from './pooled-statement';

/**
 * The public columns of an organisation. Organisations are public bodies and public as such; only
 * their record counts depend on the publication rule (PublicRegister.countsByOrganisation).
 */
export const PUBLIC_ORGANISATION_COLUMNS = [
  'id',
  'parent_id',
  'name',
  'abbreviation',
  'kind',
  'tooi_uri',
  'oin',
  'website',
  'email',
  'phone',
  'visiting_line',
  'visiting_postal_code',
  'visiting_city',
  'visiting_country_code',
  'postal_line',
  'postal_postal_code',
  'postal_city',
  'postal_country_code',
] as const;
export type PublicOrganisationColumn = (typeof PUBLIC_ORGANISATION_COLUMNS)[number];
/** A row of the columns read: those not asked for are absent (publicOrganisationsById). */
export type PublicOrganisationRow = Record<PublicOrganisationColumn, string | null> & { id: string };

/** Every organisation, by name. */
export function allPublicOrganisations(knex: Knex): Promise<PublicOrganisationRow[]> {
  return knex.select(PUBLIC_ORGANISATION_COLUMNS).from('organisation').orderBy('name');
}

/** These organisations, with these columns (the id always); unknown ids are absent. */
export function publicOrganisationsById(knex: Knex, ids: readonly string[], columns: readonly PublicOrganisationColumn[]): Promise<PublicOrganisationRow[]> {
  const list = columns.includes('id') ? columns : ['id', ...columns];
  if (list.some((c) => !(PUBLIC_ORGANISATION_COLUMNS as readonly string[]).includes(c))) throw new Error('not an organisation column');
  return pooledStatement<PublicOrganisationRow>(knex, `select ${list.join(', ')} from organisation where id = any($1::uuid[])`, [uuidArray(ids)]);
}
