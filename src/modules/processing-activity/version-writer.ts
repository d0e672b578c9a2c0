import { randomUUID } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { insertRowsSql, rowsJson } from '../../database/json-rows';
import type { VersionStatus } from './processing-activity.enums';
import type { RecordContent } from './record-content';
import { addVersionRows, emptyVersionRows, type Row, VERSION_TABLES, type VersionLinks, withheldReasonFor } from './version-builder';

export interface VersionWrite {
  /** The record's row as read (and locked) by the caller; null for a new record. */
  activity: { id: string; latestVersionNumber: number } | null;
  /** The record's organisation; for an existing record of another organisation, the record moves here (same id, new version). */
  organisationId: string;
  reference: string;
  content: RecordContent;
  hash: string;
  status: VersionStatus;
  publishFrom: Date | null;
  /** When the source register published (established) it; default the moment of writing. */
  publishedAt?: Date | null;
  /** When the source register withdrew it; default the moment of writing. */
  withdrawnAt?: Date | null;
  /** Links of this record's content, when not the batch's (`links`): a record of another unit links relative to that unit. */
  links?: VersionLinks;
}

/** Rows for one table, inserted as they are. */
export interface TableRows {
  table: string;
  rows: Row[];
}

export interface WrittenVersion {
  activityId: string;
  versionId: string;
  versionNumber: number;
  created: boolean;
}

/**
 * Writes a new version for each of many records in one SQL statement, whatever their number: an
 * insert for the new records, an update for the existing ones (next version number, withholding
 * of processor and Wpg records), and an insert per table of the versions' content
 * (version-builder.ts). Rows travel as one JSON parameter per table and PostgreSQL maps them onto
 * the table's own row type (jsonb_populate_recordset, see json-rows.ts), so no entity objects are built and no values
 * are inlined into SQL text.
 *
 * `alsoInsert` adds rows of other tables to the same statement, given what will be written (the
 * versions' numbers and ids are known before it runs): a sync batch's audit entries, so the batch
 * is one round trip to the database, not two.
 *
 * Runs in the caller's transaction; existing records must be locked by the caller. Database
 * errors come back as MikroORM's exceptions (a concurrent creation of the same reference is a
 * UniqueConstraintViolationException, as with the ORM).
 */
export async function writeVersions(
  em: EntityManager,
  writes: VersionWrite[],
  links: VersionLinks,
  alsoInsert?: (written: WrittenVersion[]) => readonly TableRows[],
): Promise<WrittenVersion[]> {
  const db = em.getTransactionContext<Knex.Transaction>();
  if (!db) throw new Error('writeVersions must run inside a transaction');
  const at = new Date();
  const rows = emptyVersionRows();
  const created: Row[] = [];
  const updated: Row[] = [];
  const written = writes.map((w) => {
    const activityId = w.activity?.id ?? randomUUID();
    const versionNumber = (w.activity?.latestVersionNumber ?? 0) + 1;
    const reason = withheldReasonFor(w.content.legalRole);
    (w.activity ? updated : created).push({
      id: activityId,
      organisation_id: w.organisationId,
      reference: w.reference,
      latest_version_number: versionNumber,
      withheld: reason !== null,
      withheld_reason: reason,
    });
    const versionId = addVersionRows(rows, { activityId, versionNumber, content: w.content, hash: w.hash, status: w.status, publishFrom: w.publishFrom, at, publishedAt: w.publishedAt, withdrawnAt: w.withdrawnAt }, w.links ?? links);
    return { activityId, versionId, versionNumber, created: !w.activity };
  });

  // One statement: every table's rows as one JSON parameter, in data-modifying CTEs. The foreign
  // keys are checked at the end of the statement, when parents and children are all in place.
  const parts: string[] = [];
  const params: string[] = [];
  const add = (sql: string, tableRows: Row[]) => {
    parts.push(`w${parts.length} as (${sql})`);
    params.push(rowsJson(tableRows));
  };
  if (created.length) add(insertRowsSql('processing_activity', created), created);
  if (updated.length) {
    // A record withheld for another reason (e.g. national security) keeps that reason. A record of
    // another organisation moves (a unit move): the projector sees the new organisation at commit.
    add(
      `update processing_activity a
          set latest_version_number = x.latest_version_number, updated_at = now(), organisation_id = x.organisation_id,
              withheld = a.withheld or x.withheld,
              withheld_reason = case when a.withheld then a.withheld_reason else x.withheld_reason end
         from jsonb_populate_recordset(null::processing_activity, ?::jsonb) x
        where a.id = x.id`,
      updated,
    );
  }
  for (const table of VERSION_TABLES) if (rows[table].length) add(insertRowsSql(table, rows[table]), rows[table]);
  for (const other of alsoInsert?.(written) ?? []) if (other.rows.length) add(insertRowsSql(other.table, other.rows), other.rows);
  if (!parts.length) return written;
  try {
    await db.raw(`with ${parts.join(',\n')} select 1`, params);
  } catch (e) {
    throw em.getDriver().convertException(e as Error);
  }
  return written;
}
