import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_COMMANDS, runRegisterCommand } from '../../src/cli/commands';
import { CommandFailed } from '../../src/cli/commands/record-commands';
import { UsageError } from '../../src/cli/register-commands';
import type { RunReport } from '../../src/modules/import/run-report';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { record } from '../sync/support/sync-helpers';
import { SAMPLE_ZIP } from './support/zip-fixtures';

/** Issue 12, section 2: `register import avg-register` and `register sync`, strict options, exit codes and the report file. */
describe('register import / sync commands', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'register-cli-'));
  const run = (...argv: string[]) => runRegisterCommand(db.orm.em.fork(), argv);
  const reportOf = (file: string): RunReport => JSON.parse(readFileSync(file, 'utf8'));
  const cli = (...argv: string[]) =>
    spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, '../../src/cli/register.ts'), ...argv], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: db.url, TS_NODE_PROJECT: join(__dirname, '../../tsconfig.json') },
    });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  it('imports the sample: summary table per unit and outcome, a report file with every record, exit code 0', async () => {
    const reportFile = join(dir, 'import.json');
    const lines = await run('import', 'avg-register', SAMPLE_ZIP, '--organisation', 'Ministerie van Financiën', '--report', reportFile);
    expect(lines.join('\n')).toContain('created unit(s): Kern - Directie Informatiebeleid / CIO');
    expect(lines).toContainEqual(expect.stringMatching(/^unit\s+CREATED {2}UPDATED {2}UNCHANGED {2}WITHDRAWN {2}FAILED {2}NOT_PUBLISHABLE$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Kern - Directie Informatiebeleid \/ CIO\s+3\s+0\s+0\s+0\s+0\s+1$/));
    expect(lines.find((l) => l.startsWith('not published M5071'))).toMatch(/controllers\.0\.email PERSONAL_EMAIL/);
    const report = reportOf(reportFile);
    expect(report.records.map((r) => [r.reference, r.outcome, r.state])).toEqual([
      ['M5071', 'CREATED', 'UNDER_REVIEW'],
      ['M12536', 'CREATED', 'DRAFT'],
      ['M12537', 'CREATED', 'DRAFT'],
    ]);
    expect(report.failed).toBe(0);
    const again = await run('import', 'avg-register', SAMPLE_ZIP, '--organisation', 'Ministerie van Financiën', '--report', reportFile);
    expect(reportOf(reportFile).summary.total).toEqual({ UNCHANGED: 3, NOT_PUBLISHABLE: 1 });
    expect(again.join('\n')).not.toContain('created unit');
  });

  it('sync: a file in the sync input shape, chunked and idempotent; a failed record makes exit code 2 and is in the report', async () => {
    const file = join(dir, 'records.ndjson');
    const { title: _t, ...noTitle } = record('CLI-2');
    writeFileSync(file, [record('CLI-1'), noTitle, record('CLI-3', { purposes: [{ description: 'Doel', legalBasis: 'Wettelijke verplichting' }] })].map((r) => JSON.stringify(r)).join('\n'));
    const reportFile = join(dir, 'sync.json');
    const failure = await run('sync', file, '--organisation', 'Gemeente Lisse', '--report', reportFile).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CommandFailed);
    expect((failure as CommandFailed).exitCode).toBe(2);
    expect((failure as CommandFailed).lines.join('\n')).toContain('FAILED CLI-2: records.1.title REQUIRED');
    expect(reportOf(reportFile).records.map((r) => [r.reference, r.outcome])).toEqual([
      ['CLI-1', 'CREATED'],
      ['CLI-2', 'FAILED'],
      ['CLI-3', 'CREATED'],
    ]);
    expect(await db.orm.em.fork().count(ProcessingActivityVersion, { activity: { reference: { $like: 'CLI-%' } } })).toBe(2);
  });

  it('sync round-trips an export: the exported records pushed back are UNCHANGED', async () => {
    const exported = join(dir, 'export.json');
    const versions = await db.orm.em.fork().find(ProcessingActivityVersion, { activity: { reference: 'CLI-1' } });
    writeFileSync(exported, JSON.stringify({ data: { exportProcessingActivities: [{ ...record('CLI-1'), baseVersion: versions[0].versionNumber }] } }));
    await run('sync', exported, '--organisation', 'Gemeente Lisse', '--report', join(dir, 'rt.json'));
    expect(reportOf(join(dir, 'rt.json')).records.map((r) => r.outcome)).toEqual(['UNCHANGED']);
  });

  it('sync of a whole tree: records name their units, --replace-scope subtree withdraws what the file no longer has in any unit (dry run), per unit', async () => {
    const unit = 'Kern - Directie Informatiebeleid / CIO';
    const file = join(dir, 'tree.json');
    writeFileSync(file, JSON.stringify([record('FIN-1'), record('FIN-2', { unit: { name: unit } })]));
    const reportFile = join(dir, 'tree-report.json');
    const lines = await run('sync', file, '--organisation', 'Ministerie van Financiën', '--mode', 'replace', '--replace-scope', 'subtree', '--dry-run', '--report', reportFile);
    const report = reportOf(reportFile);
    expect(report.records.map((r) => [r.reference, r.unit, r.outcome])).toEqual([
      ['FIN-1', 'Ministerie van Financiën', 'CREATED'],
      ['FIN-2', unit, 'CREATED'],
    ]);
    // The imported unit's records and the seed's record of another unit (M4140) are absent from the file: the subtree REPLACE would withdraw them.
    expect(report.withdrawn.map((w) => [w.unit, w.reference, w.outcome]).sort()).toEqual([
      [unit, 'M12536', 'WITHDRAWN'],
      [unit, 'M12537', 'WITHDRAWN'],
      [unit, 'M5071', 'WITHDRAWN'],
      ['SG/ Directie Communicatie', 'M4140', 'WITHDRAWN'],
    ]);
    expect(lines).toContainEqual(expect.stringMatching(/^Kern - Directie Informatiebeleid \/ CIO\s+1\s+0\s+0\s+3\s+0\s+0$/));
    await expect(run('sync', file, '--organisation', 'Ministerie van Financiën', '--replace-scope', 'subtree')).rejects.toThrow(/--replace-scope goes with --mode replace/);
  });

  it('refuses misspelt options, unknown formats and bad values with the usage', async () => {
    await expect(run('import', 'avg-register', SAMPLE_ZIP, '--organisatie', 'Gemeente Lisse')).rejects.toThrow(/Unknown option '--organisatie'/);
    await expect(run('import', 'csv', SAMPLE_ZIP, '--organisation', 'Gemeente Lisse')).rejects.toThrow(/unknown format "csv"/);
    await expect(run('import', 'avg-register', SAMPLE_ZIP, '--organisation', 'Gemeente Lisse', '--publish', 'alles')).rejects.toBeInstanceOf(UsageError);
    await expect(run('sync', 'x.json', '--organisation', 'Gemeente Lisse', '--mode', 'merge')).rejects.toThrow(/--mode is upsert or replace/);
    for (const command of Object.keys(ALL_COMMANDS)) expect((await run(command, '--help'))[0]).toMatch(/^usage: npm run register -- /);
  });

  it('as a process: exit code 64 for a misspelt option, 2 when a record failed, 0 when all went in', () => {
    const misspelt = cli('sync', 'x.json', '--organisaton', 'Gemeente Lisse');
    expect([misspelt.status, misspelt.stderr]).toEqual([64, expect.stringContaining("Unknown option '--organisaton'")]);
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ reference: 'CLI-9', title: 'Zonder rol' }]));
    const failed = cli('sync', file, '--organisation', 'Gemeente Lisse', '--report', join(dir, 'bad-report.json'));
    expect([failed.status, failed.stdout]).toEqual([2, expect.stringContaining('FAILED CLI-9: records.0.legalRole REQUIRED')]);
    const ok = cli('import', 'avg-register', SAMPLE_ZIP, '--organisation', 'Ministerie van Defensie', '--report', join(dir, 'ok.json'));
    expect([ok.status, ok.stdout]).toEqual([0, expect.stringContaining('report: ')]);
  });
});
