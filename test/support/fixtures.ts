import type { MikroORM } from '@mikro-orm/postgresql';
import { SEED_RECORDS } from '../../seeds/data/records';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { LegalRole, VersionStatus, WithheldReason } from '../../src/modules/processing-activity/processing-activity.enums';
import { ProcessingActivity } from '../../src/modules/processing-activity/processing-activity.entity';
import { ProcessingActivityService, type SaveRecordResult } from '../../src/modules/processing-activity/processing-activity.service';
import { ProcessingActivityVersion } from '../../src/modules/processing-activity/processing-activity-version.entity';
import type { RecordContent } from '../../src/modules/processing-activity/record-content';
import { CLI_ACTOR } from '../../src/modules/audit/audit.service';
import { SharingService } from '../../src/modules/sharing/sharing.service';

export const DEFENSIE = 'Ministerie van Defensie';

/** A complete record whose every text field — public and internal — carries the marker word. */
export function markedContent(marker: string, overrides: Partial<RecordContent> = {}): RecordContent {
  const m = (field: string) => `${marker} ${field}`;
  return {
    title: m('titel'),
    description: m('beschrijving'),
    legalRole: LegalRole.CONTROLLER,
    purposes: [
      { description: m('doel'), legalBasis: 'PUBLIC_TASK', legalBasisExplanation: m('toelichting grondslag'), statutoryReferences: [{ title: m('wet'), url: `https://example.org/${marker}` }] },
    ],
    dataSubjectGroups: [
      {
        description: m('betrokkenen'),
        specialCategories: ['HEALTH_DATA'],
        dataItems: [
          {
            description: m('persoonsgegevens'),
            collectionPurpose: m('verzameldoel'),
            retentionText: `${marker} V 2 jaar na einde procedure`,
            sourceIsDataSubject: false,
            sourceDescription: m('bron'),
            provisionObligatory: true,
            provisionStatement: m('aanleverplicht'),
            consequencesOfNotProviding: m('gevolgen'),
          },
        ],
      },
    ],
    recipients: [{ description: m('ontvanger'), explanation: m('toelichting ontvanger') }],
    automatedDecisionMaking: { applies: true, statement: m('besluitvorming'), logic: m('logica'), consequences: m('gevolgen besluit') },
    thirdCountryTransfers: {
      applies: true,
      statement: m('doorgifte'),
      safeguardStatement: m('waarborg'),
      transfers: [{ countryCode: 'JP', recipientName: m('ontvangende partij'), safeguard: 'ADEQUACY_DECISION', explanation: m('toelichting doorgifte') }],
    },
    controllers: [{ name: m('verantwoordelijke'), roleDescription: m('rol verantwoordelijke'), kind: m('type'), email: `${marker.toLowerCase()}@example.org`, phone: '0701234567', visitingAddress: { line: m('straat'), city: m('plaats') } }],
    jointControllershipArrangement: m('verdeling'),
    processors: [{ name: m('verwerker') }],
    relatedProcessings: [{ reference: 'D2717', description: m('gerelateerd') }],
    relatedProcessingsStatement: m('gerelateerde verwerkingen'),
    dataSubjectRights: m('rechten'),
    processingLocation: m('locatie'),
    // Record-wide: a selection-list rule with every part (list, process, valuation, period, event, what it applies to).
    retentionText: `Selectielijst Defensie 2021, werkproces 9.3.3 Het verzamelen van ruwe data. V 2 jaar na einde procedure voor ${marker} logging`,
    sourceDescription: m('bron van de verwerking'),
    sourceIsDataSubject: true,
    internal: {
      contactPersons: [{ name: m('contactpersoon'), role: m('rol'), email: `${marker.toLowerCase()}.persoon@example.org`, phone: '0612345678' }],
      security: { hasMeasures: true, measures: [m('maatregel')], encryption: m('encryptie'), pseudonymisation: m('pseudonimisering'), electronicChannels: [m('kanaal')], access: [m('toegang')], explanation: m('beveiliging') },
      systems: [{ name: m('systeem'), description: m('systeembeschrijving') }],
      dpiaScreening: { dpiaPerformed: true, automatedProfiling: true, largeScale: false, conclusion: m('dpia'), answers: { Extra: m('dpia-antwoord') } },
      remarks: [m('opmerking')],
      attachments: [{ name: m('bijlage'), date: '2024-01-01', versionLabel: '1', description: m('bijlagebeschrijving') }],
    },
    ...overrides,
  };
}

export class Fixtures {
  constructor(private readonly orm: MikroORM) {}

  async organisation(name = DEFENSIE): Promise<Organisation> {
    return this.orm.em.fork().findOneOrFail(Organisation, { name });
  }

  /** Writes one version through the domain service, as the seeds and the sync surface do. */
  async save(reference: string, content: RecordContent, options: { status?: VersionStatus; publishFrom?: Date | null; organisation?: string } = {}): Promise<SaveRecordResult> {
    return this.orm.em.fork().transactional(async (em) => {
      const organisation = await em.findOneOrFail(Organisation, { name: options.organisation ?? DEFENSIE });
      return new ProcessingActivityService(em).saveRecord({ organisation, reference, content, status: options.status ?? VersionStatus.PUBLISHED, publishFrom: options.publishFrom });
    });
  }

  async withhold(reference: string, reason = WithheldReason.NATIONAL_SECURITY): Promise<void> {
    const em = this.orm.em.fork();
    const activity = await em.findOneOrFail(ProcessingActivity, { reference });
    activity.withheld = true;
    activity.withheldReason = reason;
    await em.flush();
  }

  /** The organisation adopts the record (of another organisation), whatever its state: the service, without the sync surface's scope. */
  async adopt(reference: string, participantName: string, ownerName = DEFENSIE): Promise<void> {
    const em = this.orm.em.fork();
    const activity = await em.findOneOrFail(ProcessingActivity, { reference, organisation: { name: ownerName } }, { populate: ['organisation'] });
    const participant = await em.findOneOrFail(Organisation, { name: participantName });
    const result = await new SharingService(em, CLI_ACTOR).adopt(activity, participant);
    if (result.errors.length) throw new Error(JSON.stringify(result.errors));
  }

  /** Withdraws a record the way the register does: every published version becomes WITHDRAWN. */
  async withdraw(reference: string): Promise<void> {
    const em = this.orm.em.fork();
    const versions = await em.find(ProcessingActivityVersion, { activity: { reference }, status: VersionStatus.PUBLISHED });
    for (const v of versions) {
      v.status = VersionStatus.WITHDRAWN;
      v.withdrawnAt = new Date();
    }
    await em.flush();
  }
}

/** The record of a seed, to build variations on. */
export const seedContent = (reference: string): RecordContent => structuredClone(SEED_RECORDS.find((r) => r.reference === reference)!.content);
