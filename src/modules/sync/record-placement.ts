import type { EntityManager } from '@mikro-orm/postgresql';
import { subtreeIds } from '../organisation/organisation-scope';
import type { Organisation } from '../organisation/organisation.entity';
import { type BatchSyncRequest, ReplaceScope, SyncMode } from './batch-sync.types';
import { ErrorCode, type FieldError, fieldError } from './field-error';
import type { PlannedRecord } from './record-plan';
import { UnitDirectory } from './record-units';
import type { SyncRecordData } from './record-validation';

/** Where each record of a batch belongs, and the trees the batch may act on. */
export interface Placement {
  /** Per batch position: the record's organisation (the batch's, unless it named another unit). */
  organisationIds: string[];
  /** Per batch position: whether the record named its unit. */
  namedUnit: boolean[];
  /** The organisations a record that names its unit may move from (the batch organisation's subtree and the named units); null when no record names one. */
  moveTree: ReadonlySet<string> | null;
  /** What REPLACE reconciles: the batch organisation, or its whole subtree. */
  replaced: readonly string[];
  /** The organisation of each unit a record names, for linking its content (parties, related processings). */
  owners: Map<string, Pick<Organisation, 'id' | 'tooiUri'>>;
}

/**
 * Places the records of a batch: resolves the units records name (within the caller's scope; an
 * unknown, ambiguous or out-of-scope unit fails that record), and refuses a reference that occurs
 * twice for one organisation. Adds its errors to `invalid`. A batch without units costs no query.
 */
export async function placeRecords(em: EntityManager, request: BatchSyncRequest, records: SyncRecordData[], invalid: Map<number, FieldError[]>): Promise<Placement> {
  const batchOrganisation = request.organisation.id;
  const fail = (i: number, e: FieldError) => invalid.set(i, [...(invalid.get(i) ?? []), e]);
  const namedUnit = records.map((r) => r.unit != null);
  const organisationIds = records.map(() => batchOrganisation);
  const owners = new Map<string, Pick<Organisation, 'id' | 'tooiUri'>>([[batchOrganisation, request.organisation]]);
  const wantsTree = namedUnit.some(Boolean) || (request.mode === SyncMode.REPLACE && request.replaceScope === ReplaceScope.SUBTREE);
  const tree = wantsTree ? await subtreeIds(em, batchOrganisation) : [batchOrganisation];

  let moveTree: Set<string> | null = null;
  if (namedUnit.some(Boolean)) {
    const directory = await UnitDirectory.load(em, request.unitScope ?? tree);
    records.forEach((r, i) => {
      if (!namedUnit[i]) return;
      const unit = directory.resolve(r.unit, ['records', i, 'unit']);
      if (unit.error) return fail(i, unit.error);
      organisationIds[i] = unit.id;
      owners.set(unit.id, directory.owner(unit.id));
    });
    moveTree = new Set([...tree, ...organisationIds]);
  }

  const seen = new Map<string, number>();
  records.forEach((r, i) => {
    if (typeof r.reference !== 'string') return;
    const key = `${organisationIds[i]}\u0000${r.reference}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else fail(i, fieldError(['records', i, 'reference'], ErrorCode.DUPLICATE_REFERENCE, `Reference "${r.reference}" occurs more than once for one organisation in this batch (first at position ${first}).`));
  });

  const replaced = request.mode === SyncMode.REPLACE && request.replaceScope === ReplaceScope.SUBTREE ? tree : [batchOrganisation];
  return { organisationIds, namedUnit, moveTree, replaced, owners };
}

/** The valid records of a batch as planRecords takes them. */
export function plannedRecords(records: SyncRecordData[], placement: Placement, invalid: Map<number, FieldError[]>): PlannedRecord[] {
  return records.flatMap((r, index) => (invalid.has(index) ? [] : [{ index, reference: r.reference, organisationId: placement.organisationIds[index], namedUnit: placement.namedUnit[index] }]));
}
