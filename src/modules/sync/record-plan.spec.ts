import { type PlannedRecord, planRecords } from './record-plan';
import type { RecordState } from './record-state';

const state = (id: string, organisation_id: string, reference: string): RecordState => ({ id, organisation_id, reference, latest_version_number: 1, content_hash: 'h', status: null, publish_from: null });
const rec = (index: number, organisationId: string, reference: string, namedUnit = true): PlannedRecord => ({ index, organisationId, reference, namedUnit });
const TREE = new Set(['root', 'a', 'b', 'c']);

describe('planRecords: which existing record each record of a batch is', () => {
  it('is the record with its reference in its own unit', () => {
    const plans = planRecords([rec(0, 'a', 'R')], [state('x', 'a', 'R'), state('y', 'b', 'R')], TREE);
    expect(plans.get(0)).toEqual({ state: state('x', 'a', 'R') });
  });

  it('moves the one record of another unit with its reference, when the record named its unit', () => {
    expect(planRecords([rec(0, 'a', 'R')], [state('y', 'b', 'R')], TREE).get(0)).toEqual({ state: state('y', 'b', 'R'), movedFrom: 'b' });
  });

  it('never moves a record that did not name its unit, nor one outside the tree, nor a pinned reference', () => {
    expect(planRecords([rec(0, 'a', 'R', false)], [state('y', 'b', 'R')], TREE).get(0)).toEqual({});
    expect(planRecords([rec(0, 'a', 'R')], [state('y', 'elsewhere', 'R')], TREE).get(0)).toEqual({});
    expect(planRecords([rec(0, 'a', 'R')], [state('y', 'b', 'R')], null).get(0)).toEqual({});
    expect(planRecords([rec(0, 'a', 'R')], [state('y', 'b', 'R')], TREE, new Set(['R'])).get(0)).toEqual({});
  });

  it('does not take a record another record of the batch names in its own unit', () => {
    const plans = planRecords([rec(0, 'a', 'R'), rec(1, 'b', 'R')], [state('y', 'b', 'R')], TREE);
    expect(plans.get(0)).toEqual({});
    expect(plans.get(1)).toEqual({ state: state('y', 'b', 'R') });
  });

  it('refuses to guess: two candidates, or two records taking over one record, fail AMBIGUOUS', () => {
    const two = planRecords([rec(0, 'a', 'R')], [state('y', 'b', 'R'), state('z', 'c', 'R')], TREE);
    expect(two.get(0)?.error).toMatchObject({ path: ['records', '0', 'reference'], code: 'AMBIGUOUS' });
    const takers = planRecords([rec(0, 'a', 'R'), rec(3, 'c', 'R')], [state('y', 'b', 'R')], TREE);
    expect(takers.get(0)?.error).toMatchObject({ path: ['records', '0', 'unit'], code: 'AMBIGUOUS' });
    expect(takers.get(3)?.error).toMatchObject({ path: ['records', '3', 'unit'], code: 'AMBIGUOUS' });
  });
});
