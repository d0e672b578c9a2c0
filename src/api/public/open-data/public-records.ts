import type { Knex } from '@mikro-orm/postgresql';
import type { RegisterHead } from '../../../modules/publication/public-changes';
import type { PublicationScheduler } from '../../../modules/publication/publication-scheduler';
import type { PublicReferenceData } from '../../../modules/publication/reference-data';
import { RegisterSnapshot } from '../../../modules/publication/register-snapshot';
import { decodeIdOf } from '../../common/global-id';
import { organisationsById } from '../organisation-directory';
import type { PublicOrganisation } from '../types/organisation.type';
import { RecordRenderer, type RenderedRecord } from './record-renderer';

export interface RecordScope {
  /** An organisation: its records (and, unless `ownOnly`, those of its sub-organisations). */
  organisation?: PublicOrganisation;
  ownOnly?: boolean;
}

/** The register as of one moment, a record at a time; close() it when done (also after a failure). */
export interface RegisterDownload {
  /** The change-log position every record of it reflects. */
  head: RegisterHead;
  records: AsyncIterable<RenderedRecord>;
  close(): Promise<void>;
}

export interface PublicRecordSourceOptions {
  /** The connections public reads use (the public pool, or a replica that has caught up). */
  knex(): Knex;
  /** Organisations, vocabularies and the register's head, kept in the process until the register changes. */
  referenceData: PublicReferenceData;
  /** Applies scheduled publications whose moment has passed before anything is read. */
  scheduler?: PublicationScheduler | null;
}

/**
 * The public records of the downloads, read from the read model (RegisterSnapshot: the current
 * versions and their pre-rendered documents, through a cursor) and rendered in the GraphQL shape
 * (RecordRenderer). Nothing here decides what is public: the snapshot holds only what the
 * projector put in the read model.
 */
export class PublicRecordSource {
  constructor(private readonly options: PublicRecordSourceOptions) {}

  /** Where the register stands now; no query while the register has not changed since the last call. */
  async head(): Promise<RegisterHead> {
    await this.options.scheduler?.current();
    return this.options.referenceData.head();
  }

  /** The organisation a download names by global id, TOOI URI or OIN (as the GraphQL `organisation` query); null when the register has none. */
  async organisation(ref: string): Promise<PublicOrganisation | null> {
    const organisations = organisationsById(await this.options.referenceData.organisations());
    if (/^\d{20}$/.test(ref)) return [...organisations.values()].find((o) => o.oin === ref) ?? null;
    if (ref.startsWith('http')) return [...organisations.values()].find((o) => o.tooiUri === ref) ?? null;
    const id = decodeIdOf('Organisation', ref);
    return (id && organisations.get(id)) || null;
  }

  /** `history`: every record with its older versions and related records (NDJSON); without, the current versions only (CSV, linked data). */
  async open(scope: RecordScope, options: { history: boolean }): Promise<RegisterDownload> {
    await this.options.scheduler?.current();
    const [vocabulary, organisations] = await Promise.all([this.options.referenceData.vocabulary(), this.options.referenceData.organisations()]);
    const snapshot = await RegisterSnapshot.open(this.options.knex(), { organisationId: scope.organisation?.dbId, ownOnly: scope.ownOnly }, options);
    const renderer = new RecordRenderer(vocabulary, organisationsById(organisations), snapshot.countsByOrganisation);
    return {
      head: snapshot.head,
      records: (async function* () {
        for await (const batch of snapshot.batches()) for (const record of batch) yield renderer.render(record);
      })(),
      close: () => snapshot.close(),
    };
  }
}
