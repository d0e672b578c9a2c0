import type { Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { type PublicOrganisationColumn as OrganisationColumn, PUBLIC_ORGANISATION_COLUMNS as COLUMNS, type PublicOrganisationRow, publicOrganisationsById } from '../../modules/publication/public-organisations';
import type { OrganisationCounts, PublicRegister } from '../../modules/publication/public-register';
import type { PublicReferenceData } from '../../modules/publication/reference-data';
import { addressFrom } from './types/address.type';
import { PublicOrganisation } from './types/organisation.type';
import { toGlobalId } from '../common/global-id';
import { ColumnSelection } from './selection';

/**
 * Columns per field of an organisation asked for (a page of records usually shows its
 * organisations' names only); the id is always read.
 */
export const ORGANISATION_COLUMNS = new ColumnSelection<OrganisationColumn>({
  name: ['name'],
  abbreviation: ['abbreviation'],
  kind: ['kind'],
  tooiUri: ['tooi_uri'],
  oin: ['oin'],
  website: ['website'],
  email: ['email'],
  phone: ['phone'],
  visitingAddress: ['visiting_line'],
  'visitingAddress.postalCode': ['visiting_postal_code'],
  'visitingAddress.city': ['visiting_city'],
  'visitingAddress.countryCode': ['visiting_country_code'],
  postalAddress: ['postal_line'],
  'postalAddress.postalCode': ['postal_postal_code'],
  'postalAddress.city': ['postal_city'],
  'postalAddress.countryCode': ['postal_country_code'],
  parent: ['parent_id'],
});

/**
 * The organisation tree for one request: the process's copy (reference-data.ts) when it is kept,
 * otherwise read on first use (a few hundred rows) when the tree is asked for, and single
 * organisations (of records on a page) loaded in one batch by id. Organisations are public bodies
 * and public as such; only their counts depend on the register (read model).
 */
export class OrganisationDirectory {
  private all?: Promise<Map<string, PublicOrganisation>>;
  private counts?: Promise<OrganisationCounts>;

  constructor(
    private readonly knex: Knex,
    private readonly register: PublicRegister,
    private readonly referenceData: PublicReferenceData,
  ) {}

  /**
   * Organisations by id, loaded only as far as asked for (a page of records needs a few dozen, not
   * the whole tree), with the columns asked for: one loader per column list. The fields whose
   * columns were not read are absent from the organisations it returns.
   */
  private readonly some = new Map<readonly OrganisationColumn[], DataLoader<string, PublicOrganisation | null>>();

  private loaderFor(columns: readonly OrganisationColumn[]): DataLoader<string, PublicOrganisation | null> {
    let loader = this.some.get(columns);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        if (this.all || this.referenceData.isLive) {
          const all = await this.byId();
          return ids.map((id) => all.get(id) ?? null);
        }
        const rows = await publicOrganisationsById(this.knex, ids, columns);
        const found = new Map(rows.map((r) => [r.id, toOrganisation(r)]));
        return ids.map((id) => found.get(id) ?? null);
      });
      this.some.set(columns, loader);
    }
    return loader;
  }

  byId(): Promise<Map<string, PublicOrganisation>> {
    this.all ??= this.referenceData.organisations().then(organisationsById);
    return this.all;
  }

  /** `columns`: ORGANISATION_COLUMNS.of(info) where a resolver knows the selection; every column by default. */
  async get(id: string | null | undefined, columns: readonly OrganisationColumn[] = COLUMNS): Promise<PublicOrganisation | null> {
    return id ? this.loaderFor(columns).load(id) : null;
  }

  async find(where: { tooiUri?: string | null; oin?: string | null }): Promise<PublicOrganisation | null> {
    for (const o of (await this.byId()).values()) {
      if ((where.tooiUri && o.tooiUri === where.tooiUri) || (where.oin && o.oin === where.oin)) return o;
    }
    return null;
  }

  async children(id: string | null): Promise<PublicOrganisation[]> {
    return [...(await this.byId()).values()].filter((o) => o.parentId === id);
  }

  /**
   * Visible records the organisation lists (its own and those it adopted), optionally with all its
   * sub-organisations; a record that several of them list counts once.
   */
  async publishedCount(id: string, includeSubOrganisations: boolean): Promise<number> {
    this.counts ??= this.register.countsByOrganisation();
    const counts = await this.counts;
    if (!includeSubOrganisations) return (counts.unshared.get(id) ?? 0) + (counts.sharedDirect.get(id) ?? 0);
    return (await this.unsharedInSubtree(id, counts)) + (counts.sharedInSubtree.get(id) ?? 0);
  }

  private async unsharedInSubtree(id: string, counts: OrganisationCounts): Promise<number> {
    let total = counts.unshared.get(id) ?? 0;
    for (const child of await this.children(id)) total += await this.unsharedInSubtree(child.dbId, counts);
    return total;
  }

  /** The organisation and all its sub-organisations (ids). */
  async subtree(id: string): Promise<Set<string>> {
    const ids = new Set([id]);
    for (const child of await this.children(id)) for (const d of await this.subtree(child.dbId)) ids.add(d);
    return ids;
  }
}

const mapped = new WeakMap<PublicOrganisationRow[], Map<string, PublicOrganisation>>();

/** The organisations by id, mapped once per list of rows (the process's copy serves many requests). */
export function organisationsById(rows: PublicOrganisationRow[]): Map<string, PublicOrganisation> {
  let byId = mapped.get(rows);
  if (!byId) mapped.set(rows, (byId = new Map(rows.map((r) => [r.id, toOrganisation(r)]))));
  return byId;
}

function toOrganisation(r: PublicOrganisationRow): PublicOrganisation {
  return Object.assign(new PublicOrganisation(), {
    id: toGlobalId('Organisation', r.id!),
    dbId: r.id,
    parentId: r.parent_id,
    name: r.name!,
    abbreviation: r.abbreviation,
    kind: r.kind as PublicOrganisation['kind'],
    tooiUri: r.tooi_uri,
    oin: r.oin,
    website: r.website,
    email: r.email,
    phone: r.phone,
    visitingAddress: addressFrom(r.visiting_line, r.visiting_postal_code, r.visiting_city, r.visiting_country_code),
    postalAddress: addressFrom(r.postal_line, r.postal_postal_code, r.postal_city, r.postal_country_code),
  });
}
