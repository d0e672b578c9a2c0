import type { Knex } from '@mikro-orm/postgresql';
import { SUBTREE_IDS_SQL } from '../organisation/organisation-scope';
import type { RegisterHead } from './public-changes';
import type { PublicDocumentDataItem } from './public-document';
import { type OrganisationCounts, PUBLIC_PARTICIPANTS, PUBLIC_VERSION_COLUMNS, PUBLIC_VERSIONS, type PublicVersionRow, readOrganisationCounts } from './public-register';

/** Records per FETCH: enough to keep PostgreSQL and Node busy at once, few enough that two batches in flight stay a few MB. */
export const SNAPSHOT_BATCH = 500;

/**
 * A public version with its document as JSON text, parsed by whoever renders it, one record at a
 * time: a batch of parsed documents (a few hundred thousand small objects) would outlive the young
 * generation and be copied and promoted by the garbage collector, while a batch of strings is
 * cheap to keep.
 */
export type DocumentRow = Omit<PublicVersionRow, 'document'> & {
  document_text: string;
  /** The read model's data items' retention rules, when the document was read without them (a current version's). */
  data_item_retention_rules_text: string | null;
} & RecordWide;

/**
 * Retention and source the record states once for all its data items (issue 12): columns of the
 * version, not of its document; read with it, as the GraphQL field reads them.
 */
export interface RecordWide {
  retention_text: string | null;
  retention_rules: PublicDocumentDataItem['retentionRules'] | null;
  source_description: string | null;
  source_is_data_subject: boolean | null;
}

/** The version's record-wide columns, for a query over PUBLIC_VERSIONS aliased `p`. */
const RECORD_WIDE = 'rw.retention_text, rw.retention_rules, rw.source_description, rw.source_is_data_subject';
const RECORD_WIDE_JOIN = 'join processing_activity_version rw on rw.id = p.version_id';
const columnsOf = (alias: string) => PUBLIC_VERSION_COLUMNS.map((c) => `${alias}.${c}`).join(', ');

/** A related processing of a version, with the record it points to when that one is public now. */
export interface RelatedLink {
  reference: string;
  description: string | null;
  activity: PublicVersionRow | null;
}

export interface SnapshotRecord {
  /** The current public version with its pre-rendered document. */
  current: DocumentRow;
  /** The organisations that adopted the record (a shared processing), by name; empty when none. */
  sharedWith: string[];
  /** With `history`: the record's other public versions, newest first, each with its document. */
  older?: DocumentRow[];
  /** With `history`: the related processings of the current and older versions, by version id. */
  related?: Map<string, RelatedLink[]>;
}

export interface SnapshotScope {
  /** Database id of an organisation: the records it lists (its own and those it adopted) and, unless ownOnly, those of its sub-organisations. */
  organisationId?: string;
  ownOnly?: boolean;
}

/**
 * The public register as of one moment, read from the read model only: a REPEATABLE READ, READ
 * ONLY transaction on one pooled connection, so the change-log position it reports (head) is
 * exactly the state every record of it shows, and a record changed while it is being read appears
 * once, as it was. The current versions come through a server-side cursor in title order (the
 * API's TITLE_ASC) a batch at a time, the next batch read while the caller writes out this one;
 * nothing holds more than two batches.
 *
 * The caller must close() it (also after a failure), which ends the transaction and returns the
 * connection.
 */
export class RegisterSnapshot {
  private closed = false;
  /** The batch being read (read ahead), which close() lets finish: one connection runs one statement at a time. */
  private reading: Promise<unknown> | null = null;

  private constructor(
    private readonly trx: Knex.Transaction,
    readonly head: RegisterHead,
    /** Current public records per organisation, adoptions included (as the GraphQL publishedActivityCount counts them). */
    readonly countsByOrganisation: OrganisationCounts,
    private readonly history: boolean,
  ) {}

  /** `history`: also read every record's older public versions and the related processings' records (the NDJSON's every field). */
  static async open(knex: Knex, scope: SnapshotScope, options: { history: boolean }): Promise<RegisterSnapshot> {
    const trx = await knex.transaction(undefined, { isolationLevel: 'repeatable read', readOnly: true });
    try {
      const head = await trx.raw<{ rows: { position: string; occurred_at: Date | string }[] }>('select position, occurred_at from public_change order by position desc limit 1');
      const counts = await readOrganisationCounts(trx);
      const [where, bindings] = scopeCondition(scope);
      await trx.raw(
        `declare open_data no scroll cursor for
         select ${columnsOf('p')}, p.document::text as document_text, p.data_item_retention_rules::text as data_item_retention_rules_text, ${RECORD_WIDE} from ${PUBLIC_VERSIONS} p ${RECORD_WIDE_JOIN}
          where p.is_current ${where} order by p.title, p.activity_id`,
        bindings,
      );
      const row = head.rows[0];
      return new RegisterSnapshot(
        trx,
        row ? { position: String(row.position), modifiedAt: new Date(row.occurred_at) } : { position: '0', modifiedAt: null },
        counts,
        options.history,
      );
    } catch (e) {
      await trx.rollback().catch(() => undefined);
      throw e;
    }
  }

  /** The records, a batch at a time, in title order. */
  async *batches(): AsyncGenerator<SnapshotRecord[]> {
    let next = this.readAhead();
    for (;;) {
      const batch = await next;
      if (!batch.length) return;
      // Read ahead: PostgreSQL prepares the next batch while the caller writes this one.
      next = this.readAhead();
      yield batch;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.reading;
    await this.trx.rollback().catch(() => undefined);
  }

  private readAhead(): Promise<SnapshotRecord[]> {
    const batch = this.readBatch();
    // A failure surfaces where the batch is awaited; close() only waits for it.
    this.reading = batch.catch(() => undefined);
    return batch;
  }

  private async readBatch(): Promise<SnapshotRecord[]> {
    if (this.closed) return [];
    const { rows } = await this.trx.raw<{ rows: DocumentRow[] }>(`fetch forward ${SNAPSHOT_BATCH} from open_data`);
    if (!rows.length) return [];
    const activityIds = rows.map((r) => r.activity_id);
    const sharedWith = await this.participantsOf(activityIds);
    if (!this.history) return rows.map((current) => ({ current, sharedWith: sharedWith.get(current.activity_id) ?? [] }));
    // Older versions: their documents rendered by the projector's own function (only the current
    // version's is stored); which versions are public is what the read model holds.
    const { rows: older } = await this.trx.raw<{ rows: DocumentRow[] }>(
      `select ${columnsOf('p')}, public_document(p.version_id)::text as document_text, null as data_item_retention_rules_text, ${RECORD_WIDE} from ${PUBLIC_VERSIONS} p ${RECORD_WIDE_JOIN}
        where p.activity_id = any(?::uuid[]) and not p.is_current order by p.activity_id, p.version_number desc`,
      [activityIds],
    );
    const olderOf = groupBy(older, (r) => r.activity_id);
    const related = await this.relatedLinks([...rows, ...older].map((r) => r.version_id));
    return rows.map((current) => ({ current, sharedWith: sharedWith.get(current.activity_id) ?? [], older: olderOf.get(current.activity_id) ?? [], related }));
  }

  /** The public adoptions of these records, by the adopting organisation's name (as GraphQL's sharedWith). */
  private async participantsOf(activityIds: string[]): Promise<Map<string, string[]>> {
    const { rows } = await this.trx.raw<{ rows: { activity_id: string; organisation_id: string }[] }>(
      `select pp.activity_id, pp.organisation_id from ${PUBLIC_PARTICIPANTS} pp join organisation o on o.id = pp.organisation_id
        where pp.activity_id = any(?::uuid[]) order by o.name, o.id`,
      [activityIds],
    );
    return groupBy(rows, (r) => r.activity_id, (r) => r.organisation_id);
  }

  /**
   * The related processings of these versions, each with the record it points to when that record
   * is public now (the read model's current version), as GraphQL's RelatedProcessing.activity. The
   * document leaves the link out on purpose: it may point at a hidden record.
   */
  private async relatedLinks(versionIds: string[]): Promise<Map<string, RelatedLink[]>> {
    const { rows } = await this.trx.raw<{ rows: { version_id: string; reference: string; description: string | null; related_activity_id: string | null }[] }>(
      'select version_id, reference, description, related_activity_id from related_processing where version_id = any(?::uuid[]) order by version_id, position',
      [versionIds],
    );
    if (!rows.length) return new Map();
    const targets = [...new Set(rows.map((r) => r.related_activity_id).filter((id): id is string => id !== null))];
    const { rows: visible } = targets.length
      ? await this.trx.raw<{ rows: PublicVersionRow[] }>(`select ${PUBLIC_VERSION_COLUMNS.join(', ')} from ${PUBLIC_VERSIONS} where is_current and activity_id = any(?::uuid[])`, [targets])
      : { rows: [] };
    const byActivity = new Map(visible.map((r) => [r.activity_id, r]));
    const links = new Map<string, RelatedLink[]>();
    for (const r of rows) {
      const link = { reference: r.reference, description: r.description, activity: (r.related_activity_id && byActivity.get(r.related_activity_id)) || null };
      const list = links.get(r.version_id);
      if (list) list.push(link);
      else links.set(r.version_id, [link]);
    }
    return links;
  }
}

/** The records an organisation lists: its own and those it adopted (each once), as the listing's organisation filter. */
function scopeCondition(scope: SnapshotScope): [string, string[]] {
  if (!scope.organisationId) return ['', []];
  const organisations = scope.ownOnly ? '?::uuid' : SUBTREE_IDS_SQL;
  return [
    `and (p.organisation_id in (${organisations}) or p.activity_id in (select pp.activity_id from ${PUBLIC_PARTICIPANTS} pp where pp.organisation_id in (${organisations})))`,
    [scope.organisationId, scope.organisationId],
  ];
}

function groupBy<T, V = T>(rows: T[], key: (row: T) => string, value: (row: T) => V = (row) => row as unknown as V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(value(row));
    else groups.set(k, [value(row)]);
  }
  return groups;
}
