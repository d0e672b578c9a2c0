import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { ErrorCode, type FieldError, fieldError, type Path } from './field-error';

/** The organisation (unit) a record of a batch belongs to, by exactly one of id, TOOI URI, OIN or name. */
export interface UnitRef {
  /** The organisation's id (the sync surface decodes global ids to it). */
  id?: string | null;
  tooiUri?: string | null;
  oin?: string | null;
  /** Unique among siblings; a name several organisations in scope share is refused (AMBIGUOUS). */
  name?: string | null;
}

interface Unit {
  id: string;
  name: string;
  tooi_uri: string | null;
  oin: string | null;
  parent_id: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_IN_SCOPE = 'No such organisation within the scope of this batch (the organisations the token may write).';

/**
 * The organisations records of a batch may name as their unit: the caller's write scope, read
 * once per batch that names units at all. Resolving is in memory; an organisation outside the
 * scope is answered exactly like one that does not exist.
 */
export class UnitDirectory {
  private readonly byId = new Map<string, Unit>();
  private readonly byTooi = new Map<string, Unit>();
  private readonly byOin = new Map<string, Unit>();
  private readonly byName = new Map<string, Unit[]>();

  private constructor(units: Unit[]) {
    for (const u of units) {
      this.byId.set(u.id, u);
      if (u.tooi_uri) this.byTooi.set(u.tooi_uri, u);
      if (u.oin) this.byOin.set(u.oin.trim(), u);
      const key = u.name.toLowerCase();
      this.byName.set(key, [...(this.byName.get(key) ?? []), u]);
    }
  }

  static async load(em: EntityManager, scopeIds: readonly string[]): Promise<UnitDirectory> {
    const db = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
    const { rows } = await db.raw<{ rows: Unit[] }>('select id, name, tooi_uri, oin, parent_id from organisation where id = any(?::uuid[])', [[...scopeIds]]);
    return new UnitDirectory(rows);
  }

  /** What linking a record's content needs of its unit (version-links.ts). */
  owner(id: string): { id: string; tooiUri: string | null } {
    return { id, tooiUri: this.byId.get(id)?.tooi_uri ?? null };
  }

  /** The unit's organisation id, or the record's error at `path` (…, "unit"). */
  resolve(ref: unknown, path: Path): { id: string; error?: undefined } | { id?: undefined; error: FieldError } {
    const fail = (code: string, message: string) => ({ error: fieldError(path, code, message) });
    if (!ref || typeof ref !== 'object' || Array.isArray(ref)) return fail(ErrorCode.INVALID_FORMAT, 'unit names an organisation as { id }, { tooiUri }, { oin } or { name }.');
    const r = ref as Record<string, unknown>;
    const given = (['id', 'tooiUri', 'oin', 'name'] as const).filter((k) => r[k] != null && r[k] !== '');
    if (given.length !== 1 || typeof r[given[0]] !== 'string') return fail(ErrorCode.INVALID_FORMAT, 'Name the unit by exactly one of id, tooiUri, oin or name (a string).');
    const value = (r[given[0]] as string).trim();
    if (given[0] === 'name') {
      const named = this.byName.get(value.toLowerCase()) ?? [];
      if (named.length === 1) return { id: named[0].id };
      if (!named.length) return fail(ErrorCode.NOT_FOUND, `No organisation named "${value}" within the scope of this batch.`);
      const each = named.map((u) => `${u.name} (id ${u.id}${u.parent_id && this.byId.has(u.parent_id) ? `, under ${this.byId.get(u.parent_id)!.name}` : ''})`);
      return fail(ErrorCode.AMBIGUOUS, `"${value}" is the name of ${named.length} organisations in scope: ${each.join('; ')}. Name the unit by its id instead.`);
    }
    const found = given[0] === 'id' ? (UUID.test(value) ? this.byId.get(value.toLowerCase()) : undefined) : given[0] === 'tooiUri' ? this.byTooi.get(value) : this.byOin.get(value);
    return found ? { id: found.id } : fail(ErrorCode.NOT_FOUND, NOT_IN_SCOPE);
  }
}
