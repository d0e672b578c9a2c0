import { writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { NOT_PUBLISHABLE, type RunReport } from '../modules/import/run-report';

/** A progress bar on stderr (cli-progress) when stderr is a terminal; nothing otherwise, so logs and pipes stay clean. */
export function progressBar(label: string): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: `${label} [{bar}] {value}/{total} records`, hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

const COLUMNS = ['CREATED', 'UPDATED', 'UNCHANGED', 'WITHDRAWN', 'FAILED', NOT_PUBLISHABLE];

/** The summary table (unit × outcome), the records that failed or stay unpublished and why, and where the report is. */
export function summaryLines(report: RunReport, reportFile: string | null): string[] {
  const units = Object.keys(report.summary.perUnit).sort();
  const width = Math.max(4, ...units.map((u) => u.length));
  const row = (name: string, counts: Record<string, number>) => `${name.padEnd(width)}  ${COLUMNS.map((c) => String(counts[c] ?? 0).padStart(c.length)).join('  ')}`;
  const lines = [
    `${report.dryRun ? 'dry run (nothing written): ' : ''}${report.records.length} records of ${report.organisation}${report.units.some((u) => u.created) ? `; ${report.dryRun ? 'would create' : 'created'} unit(s): ${report.units.filter((u) => u.created).map((u) => u.name).join(', ')}` : ''}`,
    '',
    `${'unit'.padEnd(width)}  ${COLUMNS.join('  ')}`,
    ...units.map((u) => row(u, report.summary.perUnit[u])),
    ...(units.length > 1 ? [row('total', report.summary.total)] : []),
  ];
  const failed = report.records.filter((r) => r.outcome === 'FAILED');
  const unpublished = report.records.filter((r) => r.notPublishable.length);
  if (failed.length || unpublished.length || report.errors.length) lines.push('');
  for (const e of report.errors) lines.push(`error: ${e}`);
  for (const r of failed) for (const e of r.errors) lines.push(`FAILED ${r.reference}: ${e.path.join('.')} ${e.code}: ${e.message}`);
  for (const r of unpublished) for (const e of r.notPublishable) lines.push(`not published ${r.reference}: ${e.path.slice(2).join('.')} ${e.code}: ${e.message}`);
  const notKept = report.records.reduce((n, r) => n + r.notKept.length, 0);
  if (notKept) lines.push('', `${notKept} source value(s) without a home in the register: see notKept per record in the report.`);
  if (reportFile) lines.push('', `report: ${reportFile}`);
  return lines;
}

export function writeReport(report: RunReport, file: string): void {
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

export function defaultReportFile(kind: string): string {
  return `${kind}-report-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
}
