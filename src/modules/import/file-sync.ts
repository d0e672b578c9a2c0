import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../audit/audit.service';
import { Organisation } from '../organisation/organisation.entity';
import { BatchSyncService, type RecordResult, ReplaceScope, SyncMode } from '../sync/batch-sync.service';
import type { SyncRecordData } from '../sync/record-validation';
import { runKey, syncInChunks } from './chunked-sync';
import { type RunReport, summarise } from './run-report';

export interface FileSyncOptions {
  /** The file's name: `.ndjson` is one record per line, anything else JSON. */
  file: string;
  content: Buffer;
  organisation: Organisation;
  mode: 'UPSERT' | 'REPLACE';
  /** With REPLACE: the organisation only (default) or its whole subtree. */
  replaceScope?: ReplaceScope;
  dryRun: boolean;
  /** Publish every record that does not say `publish` itself. */
  publish: boolean;
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Records in the sync input shape from a file (what exportProcessingActivities answers, so
 * export → edit → sync round-trips): a JSON array, `{ "records": [...] }`, the export query's whole
 * response, or NDJSON. Written through the batch service like the sync surface, in chunks with
 * idempotency keys derived from the file.
 */
export async function syncFile(em: EntityManager, actor: Actor, options: FileSyncOptions): Promise<RunReport> {
  const { records, errors } = parseRecords(options.file, options.content.toString('utf8').replace(/^\uFEFF/, ''));
  const report: RunReport = {
    source: { kind: 'sync', sha256: runKey('sha256', [options.content]).slice(7), files: [options.file] },
    organisation: options.organisation.name,
    dryRun: options.dryRun,
    units: [{ name: options.organisation.name, id: options.organisation.id, created: false }],
    records: [],
    withdrawn: [],
    errors,
    summary: { total: {}, perUnit: {} },
    failed: 0,
  };
  const prepared = records.map((r) => ({ ...r, publish: r.publish ?? options.publish, publishFrom: typeof r.publishFrom === 'string' ? new Date(r.publishFrom) : (r.publishFrom ?? null) }));
  const { results } = await syncInChunks(new BatchSyncService(em, actor), options.organisation, prepared, {
    mode: options.mode === 'REPLACE' ? SyncMode.REPLACE : SyncMode.UPSERT,
    replaceScope: options.replaceScope,
    dryRun: options.dryRun,
    keyPrefix: runKey('sync', [options.content, options.organisation.id, options.mode, String(options.publish), String(options.chunkSize ?? 500), ...(options.replaceScope === ReplaceScope.SUBTREE ? ['subtree'] : [])]),
    chunkSize: options.chunkSize,
    onChunk: (done) => options.onProgress?.(done, prepared.length),
  });
  // Records that name their unit are reported under it.
  const unitNames = await namesOf(em, options.organisation, results);
  report.units = [...new Set([options.organisation.id, ...results.map((r) => r.organisationId ?? options.organisation.id)])].map((id) => ({ name: unitNames.get(id)!, id, created: false }));
  const unitOf = (r: RecordResult) => unitNames.get(r.organisationId ?? options.organisation.id)!;
  for (const r of results) {
    if (r.index === null) report.withdrawn.push({ unit: unitOf(r), reference: r.reference, outcome: r.outcome, version: r.version });
    else
      report.records.push({
        unit: unitOf(r),
        file: options.file,
        reference: r.reference,
        title: typeof prepared[r.index].title === 'string' ? prepared[r.index].title : null,
        legalRole: prepared[r.index].legalRole ?? null,
        sourceStatus: null,
        state: null,
        publishedAt: null,
        outcome: r.outcome,
        version: r.version,
        errors: r.errors,
        notPublishable: [],
        notKept: [],
      });
  }
  return summarise(report);
}

/** The names of the organisations the results belong to. */
async function namesOf(em: EntityManager, organisation: Organisation, results: RecordResult[]): Promise<Map<string, string>> {
  const names = new Map([[organisation.id, organisation.name]]);
  const others = [...new Set(results.map((r) => r.organisationId).filter((id): id is string => !!id && !names.has(id)))];
  if (others.length) for (const o of await em.fork().find(Organisation, { id: { $in: others } })) names.set(o.id, o.name);
  return names;
}

type Incoming = SyncRecordData & { publishFrom?: Date | string | null };

function parseRecords(file: string, text: string): { records: Incoming[]; errors: string[] } {
  const errors: string[] = [];
  const records: Incoming[] = [];
  const take = (value: unknown, where: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) records.push(value as Incoming);
    else errors.push(`${where}: not a record (a JSON object)`);
  };
  if (file.toLowerCase().endsWith('.ndjson')) {
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        take(JSON.parse(line), `${file}:${i + 1}`);
      } catch (e) {
        errors.push(`${file}:${i + 1}: not valid JSON (${(e as Error).message})`);
      }
    });
    return { records, errors };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return { records, errors: [`${file}: not valid JSON (${(e as Error).message})`] };
  }
  // A saved export is a page of the paged export (`nodes`); older saves held the list itself.
  const exported = (body as { data?: { exportProcessingActivities?: unknown } }).data?.exportProcessingActivities;
  const list = Array.isArray(body) ? body : ((body as { records?: unknown }).records ?? (exported as { nodes?: unknown } | undefined)?.nodes ?? exported);
  if (!Array.isArray(list)) return { records, errors: [`${file}: expected an array of records, { "records": [...] } or an exportProcessingActivities response`] };
  list.forEach((r, i) => take(r, `${file}[${i}]`));
  return { records, errors };
}
