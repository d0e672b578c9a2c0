import { readFileSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CLI_ACTOR } from '../../modules/audit/audit.service';
import { importAvgRegister } from '../../modules/import/avg-register/avg-register.importer';
import { ZipReadError } from '../../modules/import/zip-reader';
import type { RunReport } from '../../modules/import/run-report';
import { type CommandSpec, findOrganisation, type Options, UsageError } from '../register-commands';
import { defaultReportFile, progressBar, summaryLines, writeReport } from '../run-output';
import { syncFile } from '../../modules/import/file-sync';
import { ReplaceScope } from '../../modules/sync/batch-sync.types';

/** The run wrote its report, but not everything went in: the lines still print, and the exit code is 2. */
export class CommandFailed extends Error {
  readonly exitCode = 2;
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

const string = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;

function finish(report: RunReport, options: Options, kind: string): string[] {
  const file = typeof options.report === 'string' ? options.report : defaultReportFile(kind);
  writeReport(report, file);
  const lines = summaryLines(report, file);
  if (report.failed) throw new CommandFailed(lines);
  return lines;
}

function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

async function importCommand(em: EntityManager, positional: string[], options: Options): Promise<string[]> {
  const [format, file] = positional;
  if (format !== 'avg-register') throw new UsageError(`import: unknown format ${format ? `"${format}"` : '(none)'}; supported: avg-register\n\nusage: npm run register -- ${RECORD_COMMANDS.import.usage}`);
  if (!file) throw new UsageError(`import: name the export file\n\nusage: npm run register -- ${RECORD_COMMANDS.import.usage}`);
  if (typeof options.organisation !== 'string') throw new UsageError('import: --organisation is required');
  const publish = options.publish ?? 'established';
  if (publish !== 'established' && publish !== 'none') throw new UsageError(`import: --publish is "established" (default) or "none", not "${String(publish)}"`);
  const zip = readInput(file);
  const organisation = await findOrganisation(em, options.organisation);
  const bar = progressBar('import');
  try {
    const report = await importAvgRegister(em, CLI_ACTOR, zip, { organisation, dryRun: options['dry-run'] === true, publish, replace: options.replace === true, onProgress: bar.update });
    bar.stop();
    return finish(report, options, 'import');
  } catch (e) {
    bar.stop();
    if (e instanceof ZipReadError) throw new UsageError(`import: ${file}: ${e.message}`);
    throw e;
  }
}

async function syncCommand(em: EntityManager, positional: string[], options: Options): Promise<string[]> {
  const [file] = positional;
  if (!file) throw new UsageError(`sync: name the file\n\nusage: npm run register -- ${RECORD_COMMANDS.sync.usage}`);
  if (typeof options.organisation !== 'string') throw new UsageError('sync: --organisation is required');
  const mode = String(options.mode ?? 'upsert').toUpperCase();
  if (mode !== 'UPSERT' && mode !== 'REPLACE') throw new UsageError(`sync: --mode is upsert or replace, not "${String(options.mode)}"`);
  const scope = String(options['replace-scope'] ?? 'organisation').toUpperCase();
  if (scope !== ReplaceScope.ORGANISATION && scope !== ReplaceScope.SUBTREE) throw new UsageError(`sync: --replace-scope is organisation or subtree, not "${String(options['replace-scope'])}"`);
  if (options['replace-scope'] !== undefined && mode !== 'REPLACE') throw new UsageError('sync: --replace-scope goes with --mode replace');
  const content = readInput(file);
  const organisation = await findOrganisation(em, options.organisation);
  const bar = progressBar('sync');
  try {
    const report = await syncFile(em, CLI_ACTOR, { file, content, organisation, mode, replaceScope: scope as ReplaceScope, dryRun: options['dry-run'] === true, publish: options.publish === true, onProgress: bar.update });
    bar.stop();
    return finish(report, options, 'sync');
  } finally {
    bar.stop();
  }
}

/** Commands that bring records in: `import avg-register FILE.zip` and `sync FILE.json|FILE.ndjson`. */
export const RECORD_COMMANDS: Record<'import' | 'sync', CommandSpec> = {
  import: {
    usage: 'import avg-register <FILE.zip> --organisation <tooi|oin|id|name> [--dry-run] [--publish established|none] [--replace] [--report <file.json>]',
    options: { organisation: string, 'dry-run': flag, publish: string, replace: flag, report: string },
    positionals: 2,
    run: importCommand,
  },
  sync: {
    usage:
      'sync <FILE.json|FILE.ndjson> --organisation <tooi|oin|id|name> [--mode upsert|replace [--replace-scope organisation|subtree]] [--dry-run] [--publish] [--report <file.json>]\n                (a record may name its unit: "unit": { "name" | "id" | "tooiUri" | "oin": … } within the organisation\'s subtree)',
    options: { organisation: string, mode: string, 'replace-scope': string, 'dry-run': flag, publish: flag, report: string },
    positionals: 1,
    run: syncCommand,
  },
};
