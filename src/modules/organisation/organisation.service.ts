import { type EntityManager, type Knex, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { ErrorCode, type FieldError, fieldError } from '../sync/field-error';
import { isValidOin, isValidTooi } from '../sync/record-validation';
import { Organisation } from './organisation.entity';
import { OrganisationKind } from './organisation.enums';
import { subtreeIds } from './organisation-scope';

/** The key the database keeps unique among siblings (organisation_parent_name_unique; top-level organisations share the nil parent). */
export const NO_PARENT = '00000000-0000-0000-0000-000000000000';
export const SIBLING_NAME_INDEX = 'organisation_parent_name_unique';
export const SIBLING_KEY_SQL = `(coalesce(parent_id, '${NO_PARENT}'::uuid), lower(name))`;

export interface OrganisationFields {
  name?: string | null;
  abbreviation?: string | null;
  kind?: OrganisationKind | null;
  tooiUri?: string | null;
  oin?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
}

export type OrganisationResult = { organisation: Organisation; errors: [] } | { organisation: null; errors: FieldError[] };

/**
 * Register operators' management of the organisation tree. Identifiers (TOOI URI, OIN) are unique
 * register-wide; names are unique among siblings, ignoring case (organisations without a Dutch
 * identifier are known by name: a second "Afdeling Burgerzaken" under the same parent would be
 * the same unit twice). The database enforces both (organisation_parent_name_unique).
 */
export class OrganisationService {
  constructor(private readonly em: EntityManager) {}

  async create(fields: OrganisationFields & { name: string; kind: OrganisationKind }, parent: Organisation | null): Promise<OrganisationResult> {
    const errors = await this.check(fields, null);
    if (!errors.length) errors.push(...(await this.siblingNamed(fields.name, parent?.id ?? null, null, ['name'])));
    if (errors.length) return { organisation: null, errors };
    const organisation = this.em.create(Organisation, {
      name: fields.name,
      kind: fields.kind,
      abbreviation: fields.abbreviation ?? null,
      tooiUri: fields.tooiUri ?? null,
      oin: fields.oin ?? null,
      website: fields.website ?? null,
      email: fields.email ?? null,
      phone: fields.phone ?? null,
      parent,
    });
    const clash = await this.flushUnlessSiblingNamed(['name'], fields.name, parent);
    return clash.length ? { organisation: null, errors: clash } : { organisation, errors: [] };
  }

  /** Changes the fields given (null clears an optional one; name and kind cannot be cleared). */
  async update(organisation: Organisation, fields: OrganisationFields): Promise<OrganisationResult> {
    const errors = await this.check(fields, organisation.id);
    if (fields.name === null) errors.push(fieldError(['name'], ErrorCode.REQUIRED, 'An organisation keeps a name.'));
    if (fields.kind === null) errors.push(fieldError(['kind'], ErrorCode.REQUIRED, 'An organisation keeps a kind.'));
    if (fields.name != null && !errors.length) errors.push(...(await this.siblingNamed(fields.name, organisation.parent?.id ?? null, organisation.id, ['name'])));
    if (errors.length) return { organisation: null, errors };
    for (const key of ['name', 'abbreviation', 'kind', 'tooiUri', 'oin', 'website', 'email', 'phone'] as const) {
      if (fields[key] !== undefined) (organisation as unknown as Record<string, unknown>)[key] = fields[key];
    }
    const clash = await this.flushUnlessSiblingNamed(['name'], organisation.name, organisation.parent ?? null);
    return clash.length ? { organisation: null, errors: clash } : { organisation, errors: [] };
  }

  /** Moves an organisation under a new parent (null: to the top), refusing cycles. */
  async move(organisation: Organisation, parent: Organisation | null): Promise<OrganisationResult> {
    if (parent && (await subtreeIds(this.em, organisation.id)).includes(parent.id))
      return { organisation: null, errors: [fieldError(['parent'], ErrorCode.INVALID_PARENT, 'An organisation cannot move under itself or one of its own sub-organisations.')] };
    const clash = await this.siblingNamed(organisation.name, parent?.id ?? null, organisation.id, ['parent']);
    if (clash.length) return { organisation: null, errors: clash };
    organisation.parent = parent;
    const raced = await this.flushUnlessSiblingNamed(['parent'], organisation.name, parent);
    return raced.length ? { organisation: null, errors: raced } : { organisation, errors: [] };
  }

  /**
   * Flushes, turning the database's sibling-name refusal into ALREADY_EXISTS: the check before
   * (siblingNamed) cannot see a sibling of the same name that a concurrent request commits between
   * that check and this flush. The refused change is dropped from the unit of work.
   */
  private async flushUnlessSiblingNamed(path: (string | number)[], name: string, parent: Organisation | null): Promise<FieldError[]> {
    try {
      await this.em.flush();
      return [];
    } catch (e) {
      if (!(e instanceof UniqueConstraintViolationException) || !e.message.includes(SIBLING_NAME_INDEX)) throw e;
      this.em.clear();
      const where = parent ? 'under the same parent' : 'at the top of the tree';
      return [fieldError(path, ErrorCode.ALREADY_EXISTS, `An organisation named "${name}" was created ${where} at the same moment; names are unique among siblings. Use that organisation, or choose another name.`)];
    }
  }

  /** ALREADY_EXISTS when another child of `parentId` (null: the top of the tree) has this name, in any case. */
  private async siblingNamed(name: string, parentId: string | null, selfId: string | null, path: (string | number)[]): Promise<FieldError[]> {
    // In the caller's transaction, so a sibling created earlier in it counts too.
    const db = this.em.getTransactionContext<Knex.Transaction>() ?? this.em.getKnex();
    const { rows } = await db.raw<{ rows: { id: string; name: string }[] }>(
      `select id, name from organisation where ${SIBLING_KEY_SQL} = (coalesce(?::uuid, '${NO_PARENT}'::uuid), lower(?)) and id is distinct from ?::uuid limit 1`,
      [parentId, name, selfId],
    );
    const [other] = rows;
    if (!other) return [];
    const where = parentId ? 'under the same parent' : 'at the top of the tree';
    return [fieldError(path, ErrorCode.ALREADY_EXISTS, `An organisation named "${other.name}" already exists ${where} (id ${other.id}); names are unique among siblings. Use that organisation, or choose another name.`)];
  }

  private async check(f: OrganisationFields, selfId: string | null): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (f.name != null && (f.name.trim() === '' || f.name.length > 500)) errors.push(fieldError(['name'], ErrorCode.INVALID_FORMAT, 'A name is 1 to 500 characters.'));
    if (f.abbreviation != null && f.abbreviation.length > 32) errors.push(fieldError(['abbreviation'], ErrorCode.TOO_LONG, 'An abbreviation is at most 32 characters.'));
    if (f.phone != null && f.phone.length > 32) errors.push(fieldError(['phone'], ErrorCode.TOO_LONG, 'A phone number is at most 32 characters.'));
    if (f.kind != null && !Object.values(OrganisationKind).includes(f.kind)) errors.push(fieldError(['kind'], ErrorCode.INVALID_FORMAT, `Unknown kind ${f.kind}.`));
    if (f.tooiUri != null && !isValidTooi(f.tooiUri)) errors.push(fieldError(['tooiUri'], ErrorCode.INVALID_TOOI, `"${f.tooiUri}" is not a TOOI organisation URI (https://identifier.overheid.nl/tooi/id/<type>/<code>).`));
    if (f.oin != null && !isValidOin(f.oin)) errors.push(fieldError(['oin'], ErrorCode.INVALID_OIN, `"${f.oin}" is not an OIN (20 digits).`));
    for (const key of ['tooiUri', 'oin'] as const) {
      const value = f[key];
      if (value && !errors.some((e) => e.path[0] === key)) {
        const other = await this.em.findOne(Organisation, { [key]: value });
        if (other && other.id !== selfId) errors.push(fieldError([key], ErrorCode.ALREADY_EXISTS, `Another organisation already has ${key} ${value}.`));
      }
    }
    return errors;
  }
}
