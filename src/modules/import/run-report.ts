import type { FieldError } from '../sync/field-error';

/** One record of a run (an import or a `register sync` of a file): what happened to it and why. */
export interface RunRecord {
  unit: string;
  file: string;
  reference: string;
  title: string | null;
  legalRole: string | null;
  /** The source register's own state (AVG export), when it has one. */
  sourceStatus: string | null;
  /** The state the record is in here after the run (null when it failed). */
  state: string | null;
  /** The public publication moment, when the run published it. */
  publishedAt: string | null;
  outcome: string;
  version: number | null;
  errors: FieldError[];
  /** Established in the source but refused by the publication checks: stays unpublished, with the reasons. */
  notPublishable: FieldError[];
  /** Values of the source with no home in the register, or that could not be kept, per path. */
  notKept: { path: string; reason: string }[];
}

export interface RunReport {
  source: { kind: string; sha256: string; files: string[] };
  organisation: string;
  dryRun: boolean;
  units: { name: string; id: string | null; created: boolean }[];
  records: RunRecord[];
  /** Records REPLACE withdrew because the source no longer has them. */
  withdrawn: { unit: string; reference: string; outcome: string; version: number | null }[];
  /** Problems of the source itself (a file that is not JSON, a record without number). */
  errors: string[];
  summary: { total: Record<string, number>; perUnit: Record<string, Record<string, number>> };
  /** Records that failed plus source errors: non-zero means the run did not import everything. */
  failed: number;
}

export const NOT_PUBLISHABLE = 'NOT_PUBLISHABLE';

/** Counts per unit and outcome (a record that stays unpublished counts also under NOT_PUBLISHABLE). */
export function summarise(report: RunReport): RunReport {
  const total: Record<string, number> = {};
  const perUnit: Record<string, Record<string, number>> = {};
  const count = (unit: string, key: string) => {
    total[key] = (total[key] ?? 0) + 1;
    perUnit[unit] ??= {};
    perUnit[unit][key] = (perUnit[unit][key] ?? 0) + 1;
  };
  for (const r of report.records) {
    count(r.unit, r.outcome);
    if (r.notPublishable.length) count(r.unit, NOT_PUBLISHABLE);
  }
  for (const w of report.withdrawn) count(w.unit, w.outcome);
  const failed = report.records.filter((r) => r.outcome === 'FAILED').length + report.errors.length;
  return { ...report, summary: { total, perUnit }, failed };
}
