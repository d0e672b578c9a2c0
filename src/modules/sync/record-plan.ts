import { ErrorCode, type FieldError, fieldError } from './field-error';
import type { RecordState } from './record-state';

/** A valid record of a batch, with the organisation it is to belong to. */
export interface PlannedRecord {
  index: number;
  reference: string;
  organisationId: string;
  /** The record named its unit: only then may it take over a record of another unit (a move). */
  namedUnit: boolean;
}

/** What writing a record acts on: its existing row (in its unit, or in the unit it moves from), or nothing (a new record). */
export type RecordPlan = { state?: RecordState; movedFrom?: string; error?: undefined } | { error: FieldError; state?: undefined; movedFrom?: undefined };

const keyOf = (organisationId: string, reference: string) => `${organisationId}\u0000${reference}`;

/**
 * Which existing record each record of a batch is, from the record states of its units and of the
 * tree records may move within (`moveTree`). A record is the one with its reference in its unit.
 * When its unit has none and it named its unit, a record with its reference elsewhere in the tree
 * is the same record moving: its identity (id, versions, public history) stays, it gets a new
 * version in the new unit. Only when that is unambiguous: exactly one such record, not itself named
 * by another record of the batch, and taken over by no other record of the batch; otherwise the
 * record fails with AMBIGUOUS (reference numbers are unique per organisation, not per tree). A
 * `pinned` reference never moves (the register holds it for several units in other batches).
 * Used by the dry run, the set-based write and the per-record write alike.
 */
export function planRecords(records: readonly PlannedRecord[], states: readonly RecordState[], moveTree: ReadonlySet<string> | null, pinned: ReadonlySet<string> = new Set()): Map<number, RecordPlan> {
  const byKey = new Map(states.map((s) => [keyOf(s.organisation_id, s.reference), s]));
  const byReference = new Map<string, RecordState[]>();
  for (const s of states) byReference.set(s.reference, [...(byReference.get(s.reference) ?? []), s]);
  const named = new Set(records.map((r) => keyOf(r.organisationId, r.reference)));

  const plans = new Map<number, RecordPlan>();
  const takers = new Map<string, number[]>();
  for (const r of records) {
    const own = byKey.get(keyOf(r.organisationId, r.reference));
    if (own || !r.namedUnit || !moveTree || pinned.has(r.reference)) {
      plans.set(r.index, own ? { state: own } : {});
      continue;
    }
    const elsewhere = (byReference.get(r.reference) ?? []).filter((s) => moveTree.has(s.organisation_id) && !named.has(keyOf(s.organisation_id, s.reference)));
    if (elsewhere.length > 1) {
      const units = elsewhere.map((s) => s.organisation_id).join(', ');
      plans.set(r.index, {
        error: fieldError(['records', r.index, 'reference'], ErrorCode.AMBIGUOUS, `Reference "${r.reference}" is a record of ${elsewhere.length} other units of this tree (organisation ids ${units}), so it cannot tell which one moves here. Send it with the unit it is in now, or withdraw the others first.`),
      });
      continue;
    }
    if (elsewhere.length === 1) takers.set(elsewhere[0].id, [...(takers.get(elsewhere[0].id) ?? []), r.index]);
    plans.set(r.index, elsewhere.length ? { state: elsewhere[0], movedFrom: elsewhere[0].organisation_id } : {});
  }
  for (const indexes of takers.values()) {
    if (indexes.length < 2) continue;
    for (const i of indexes)
      plans.set(i, { error: fieldError(['records', i, 'unit'], ErrorCode.AMBIGUOUS, `Records ${indexes.join(', ')} of this batch would each take over the same record of another unit; a record moves to one unit only.`) });
  }
  return plans;
}
