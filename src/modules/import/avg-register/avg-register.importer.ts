import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, AuditService } from '../../audit/audit.service';
import { likeLiteral } from '../../organisation/organisation-scope';
import { Organisation } from '../../organisation/organisation.entity';
import { OrganisationKind } from '../../organisation/organisation.enums';
import { OrganisationService } from '../../organisation/organisation.service';
import { LegalRole, VersionStatus } from '../../processing-activity/processing-activity.enums';
import { BatchSyncService, contentOf, RecordOutcome, SyncMode } from '../../sync/batch-sync.service';
import type { FieldError } from '../../sync/field-error';
import { publicationErrors } from '../../sync/publication-rules';
import { runKey, syncInChunks } from '../chunked-sync';
import { type RunRecord, type RunReport, summarise } from '../run-report';
import { readZipTextEntries } from '../zip-reader';
import { AVG_REGISTERS, type MappedRecord, mapAvgRecord } from './avg-register.mapper';

export interface AvgImportOptions {
  /** The organisation the export belongs to; its units ("Dienst") are its sub-organisations. */
  organisation: Organisation;
  dryRun: boolean;
  /** `established`: Vastgesteld records are published with their own date, when the publication checks allow it. `none`: nothing is published. */
  publish: 'established' | 'none';
  /** Withdraw each unit's records that are absent from the export. */
  replace: boolean;
  chunkSize?: number;
  /** Records done so far, of `total`. Throwing stops the import; committed chunks stay, and a rerun resumes after them. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports the central government's AVG-register export (import.zip, see FORMAT.md in the shared
 * reference): every register folder, every unit file, each record mapped onto the model
 * (avg-register.mapper.ts) and written through the batch service, per unit in chunks with
 * idempotency keys derived from the file, so a rerun writes nothing and an interrupted import
 * resumes. Units missing under the organisation are created (reported).
 */
export async function importAvgRegister(em: EntityManager, actor: Actor, zip: Buffer, options: AvgImportOptions): Promise<RunReport> {
  const sha256 = createHash('sha256').update(zip).digest('hex');
  const report: RunReport = { source: { kind: 'avg-register', sha256, files: [] }, organisation: options.organisation.name, dryRun: options.dryRun, units: [], records: [], withdrawn: [], errors: [], summary: { total: {}, perUnit: {} }, failed: 0 };

  const registerOf = (path: string) => AVG_REGISTERS.find((r) => path.startsWith(`${r.folder}/`));
  const entries = await readZipTextEntries(zip, (path) => registerOf(path) !== undefined && path.toLowerCase().endsWith('.json'));
  const mapped: (MappedRecord & { file: string; legalRole: LegalRole })[] = [];
  for (const entry of entries.sort((a, b) => a.path.localeCompare(b.path))) {
    report.source.files.push(entry.path);
    let records: unknown;
    try {
      records = JSON.parse(entry.text);
    } catch (e) {
      report.errors.push(`${entry.path}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    if (!Array.isArray(records)) {
      report.errors.push(`${entry.path}: not a JSON array of records`);
      continue;
    }
    const legalRole = registerOf(entry.path)!.legalRole;
    records.forEach((raw, i) => {
      const result = mapAvgRecord(raw, legalRole, `${entry.path}[${i}]`);
      if ('error' in result) report.errors.push(result.error);
      else mapped.push({ ...result, file: entry.path, legalRole });
    });
  }

  const total = mapped.length;
  let done = 0;
  for (const unitName of [...new Set(mapped.map((m) => m.unit))].sort()) {
    const unit = await findOrCreateUnit(em, actor, options.organisation, unitName, options.dryRun);
    report.units.push({ name: unitName, id: unit.created && options.dryRun ? null : unit.organisation.id, created: unit.created });
    const ofUnit = mapped.filter((m) => m.unit === unitName);
    const notPublishable = new Map<number, FieldError[]>();
    const records = ofUnit.map((m, i) => {
      if (m.record.status !== VersionStatus.PUBLISHED) return m.record;
      const refused = options.publish === 'established' ? publicationErrors(contentOf(m.record), ['records', i]) : [];
      if (options.publish === 'established' && !refused.length) return m.record;
      if (refused.length) notPublishable.set(i, refused);
      // Established in the source but not published here: awaiting a person's review.
      return { ...m.record, status: VersionStatus.UNDER_REVIEW, publishedAt: null };
    });
    const keyPrefix = runKey('avg-register', [zip, options.organisation.id, unit.organisation.id, options.publish, String(options.chunkSize ?? 500)]);
    const base = done;
    const { results } = await syncInChunks(new BatchSyncService(em, actor), unit.organisation, records, {
      mode: options.replace ? SyncMode.REPLACE : SyncMode.UPSERT,
      dryRun: options.dryRun,
      keyPrefix,
      chunkSize: options.chunkSize,
      onChunk: (n) => {
        done = base + n;
        options.onProgress?.(done, total);
      },
    });
    for (const r of results) {
      if (r.index === null) {
        report.withdrawn.push({ unit: unitName, reference: r.reference, outcome: r.outcome, version: r.version });
        continue;
      }
      const m = ofUnit[r.index];
      const entry: RunRecord = {
        unit: unitName,
        file: m.file,
        reference: r.reference,
        title: m.record.title,
        legalRole: m.legalRole,
        sourceStatus: m.sourceStatus,
        state: r.outcome === RecordOutcome.FAILED ? null : records[r.index].status ?? null,
        publishedAt: r.outcome === RecordOutcome.FAILED ? null : (records[r.index].publishedAt?.toISOString() ?? null),
        outcome: r.outcome,
        version: r.version,
        errors: r.errors,
        notPublishable: notPublishable.get(r.index) ?? [],
        notKept: m.notKept,
      };
      report.records.push(entry);
    }
  }
  return summarise(report);
}

/** The unit as a direct sub-organisation of `parent`, by name (ignoring case: names are unique among siblings that way); created when missing (not in a dry run). */
async function findOrCreateUnit(em: EntityManager, actor: Actor, parent: Organisation, name: string, dryRun: boolean): Promise<{ organisation: Organisation; created: boolean }> {
  const existing = (await em.fork().findOne(Organisation, { parent: parent.id, name })) ?? (await em.fork().findOne(Organisation, { parent: parent.id, name: { $ilike: likeLiteral(name) } }));
  if (existing) return { organisation: existing, created: false };
  if (dryRun) return { organisation: Object.assign(new Organisation(), { id: randomUUID(), name, kind: OrganisationKind.OTHER }), created: true };
  return em.fork().transactional(async (tx) => {
    const kind = /\bdirectie\b|^DG\b/i.test(name) ? OrganisationKind.DIRECTORATE : OrganisationKind.OTHER;
    const result = await new OrganisationService(tx).create({ name, kind }, tx.getReference(Organisation, parent.id));
    if (!result.organisation) throw new Error(`cannot create unit "${name}" under ${parent.name}: ${result.errors.map((e) => e.message).join('; ')}`);
    await new AuditService(tx).record(actor, [{ operation: 'createOrganisation', outcome: 'CREATED', targetOrganisationId: result.organisation.id, details: { importedUnit: name, parent: parent.id } }]);
    return { organisation: result.organisation, created: true };
  });
}
