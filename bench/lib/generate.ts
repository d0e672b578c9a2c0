import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { CLI_ACTOR } from '../../src/modules/audit/audit.service';
import { Organisation } from '../../src/modules/organisation/organisation.entity';
import { OrganisationKind } from '../../src/modules/organisation/organisation.enums';
import { OrganisationService } from '../../src/modules/organisation/organisation.service';
import { LegalRole, WithheldReason } from '../../src/modules/processing-activity/processing-activity.enums';
import { BatchSyncService, SyncMode } from '../../src/modules/sync/batch-sync.service';
import { PublicationService } from '../../src/modules/sync/publication.service';
import type { SyncRecordData } from '../../src/modules/sync/record-validation';
import type { LegalBasisCode, SpecialCategoryCode } from '../../src/modules/vocabulary/vocabulary.codes';
import { Random } from './prng';
import { Progress } from './progress';
import * as W from './vocabulary';

export interface Scale {
  name: string;
  organisations: number;
  activities: number;
}

export const SCALES: Record<string, Scale> = {
  full: { name: 'full', organisations: 400, activities: 50_000 },
  quick: { name: 'quick', organisations: 60, activities: 1_500 },
  // Ten times the records of the same 400 organisations: search must not slow down with size (npm run bench -- --scale large).
  large: { name: 'large', organisations: 400, activities: 500_000 },
};

/** The scale a command line asks for: --quick, --scale NAME, or full. */
export function scaleOf(argv: readonly string[]): Scale {
  const i = argv.indexOf('--scale');
  const name = i >= 0 ? argv[i + 1] : argv.includes('--quick') ? 'quick' : 'full';
  const scale = SCALES[name];
  if (!scale) throw new Error(`--scale ${name}: not one of ${Object.keys(SCALES).join(', ')}`);
  return scale;
}

export const GENERATOR_VERSION = 1;
const SEED = 20261123;
const BATCH = 100;

/** The reference of the n-th synthetic record (zero-based), unique per organisation and register-wide. */
export const reference = (n: number) => `VR-${String(n).padStart(6, '0')}`;

/**
 * Fills an empty, migrated database with a synthetic register: organisations through the
 * organisation service, records through the batch sync service (validation, versioning, audit
 * log: the same path as the sync surface), then withholding through the publication service.
 * About 10% of the records stay drafts, 3% are withheld, 5% get a second published version.
 */
export async function generateRegister(orm: MikroORM, scale: Scale): Promise<void> {
  const random = new Random(SEED);
  const organisations = await createOrganisations(orm.em.fork(), random, scale.organisations);

  // Records per organisation: skewed (a few large registers, many small ones), summing to scale.activities.
  const weights = organisations.map(() => 0.2 + random.next() ** 3 * 4);
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / total) * scale.activities));
  for (let i = 0; counts.reduce((a, b) => a + b, 0) < scale.activities; i++) counts[i % counts.length]++;

  const progress = new Progress('records', Math.round(scale.activities * 1.05));
  const withhold: string[] = [];
  const revise: { organisation: Organisation; n: number }[] = [];
  let n = 0;
  for (let o = 0; o < organisations.length; o++) {
    const organisation = organisations[o];
    const records: SyncRecordData[] = [];
    for (let k = 0; k < counts[o]; k++, n++) {
      const r = new Random(SEED + n);
      records.push(syntheticRecord(r, n, 0, organisation.name));
      if (n % 20 === 7) revise.push({ organisation, n });
    }
    for (let b = 0; b < records.length; b += BATCH) {
      const batch = records.slice(b, b + BATCH);
      const result = await syncBatch(orm, organisation, batch);
      for (const res of result.results) if (res.activityId && hash(res.reference) % 100 < 3) withhold.push(res.activityId);
      progress.tick(batch.length);
    }
  }
  // A second, changed and published version for 5% of the records (history, DISTINCT ON has work).
  const byOrganisation = new Map<Organisation, number[]>();
  for (const { organisation, n: m } of revise) byOrganisation.set(organisation, [...(byOrganisation.get(organisation) ?? []), m]);
  for (const [organisation, numbers] of byOrganisation) {
    for (let b = 0; b < numbers.length; b += BATCH) {
      const batch = numbers.slice(b, b + BATCH).map((m) => ({ ...syntheticRecord(new Random(SEED + m), m, 1, organisation.name), publish: true }));
      await syncBatch(orm, organisation, batch);
      progress.tick(batch.length);
    }
  }
  progress.done();

  const publication = new PublicationService(orm.em.fork(), CLI_ACTOR);
  const withholding = new Progress('withhold', withhold.length);
  for (const id of withhold) {
    await publication.withhold(id, { reason: WithheldReason.NATIONAL_SECURITY, explanation: 'Synthetisch: achtergehouden.' });
    withholding.tick(1);
  }
  withholding.done();
}

async function syncBatch(orm: MikroORM, organisation: Organisation, records: SyncRecordData[]) {
  const result = await new BatchSyncService(orm.em.fork(), CLI_ACTOR).sync({ organisation, records, mode: SyncMode.UPSERT, dryRun: false, allOrNothing: false });
  const failed = result.results.filter((r) => r.outcome === 'FAILED');
  if (failed.length || result.errors.length) throw new Error(`synthetic batch failed: ${JSON.stringify(failed[0] ?? result.errors[0])}`);
  return result;
}

/** A ministry tree, agencies and directorates under the ministries, municipalities and joint arrangements. */
async function createOrganisations(em: EntityManager, random: Random, count: number): Promise<Organisation[]> {
  const service = new OrganisationService(em);
  const created: Organisation[] = [];
  const make = async (name: string, kind: OrganisationKind, tooi: string, parent: Organisation | null) => {
    const result = await service.create({ name, kind, tooiUri: `https://identifier.overheid.nl/tooi/id/${tooi}`, email: 'privacy@example.nl' }, parent);
    if (!result.organisation) throw new Error(`organisation ${name}: ${JSON.stringify(result.errors)}`);
    created.push(result.organisation);
    return result.organisation;
  };
  const ministryCount = Math.min(W.MINISTRIES.length, Math.max(3, Math.round(count * 0.035)));
  const ministries: Organisation[] = [];
  for (let i = 0; i < ministryCount; i++) ministries.push(await make(`Ministerie van ${W.MINISTRIES[i]}`, OrganisationKind.MINISTRY, `ministerie/bench${i}`, null));
  const agencies = Math.round(count * 0.3);
  for (let i = 0; i < agencies; i++) {
    const parent = ministries[i % ministries.length];
    const kind = random.chance(0.5) ? OrganisationKind.AGENCY : OrganisationKind.DIRECTORATE;
    const name = `${random.pick(W.AGENCY_WORDS)} ${random.pick(W.AGENCY_TOPICS)} (${parent.name.replace('Ministerie van ', '')} ${i + 1})`;
    // A few directorates sit one level deeper, under an agency of the same ministry.
    const under = kind === OrganisationKind.DIRECTORATE && i >= ministries.length * 2 && random.chance(0.3) ? created[created.length - ministries.length] : parent;
    await make(name, kind, `oorg/bench${i}`, under);
  }
  const municipalities: Organisation[] = [];
  while (created.length < count - Math.round(count * 0.03)) {
    const i = municipalities.length;
    const place = W.PLACES[i % W.PLACES.length];
    municipalities.push(await make(`Gemeente ${place}${i >= W.PLACES.length ? ` ${Math.floor(i / W.PLACES.length) + 1}` : ''}`, OrganisationKind.MUNICIPALITY, `gemeente/gm${String(i).padStart(4, '0')}`, null));
  }
  for (let i = 0; created.length < count; i++) await make(`Gemeenschappelijke regeling ${random.pick(W.AGENCY_TOPICS)} ${i + 1}`, OrganisationKind.JOINT_ARRANGEMENT, `samenwerkingsorganisatie/bench${i}`, null);
  return created;
}

/**
 * Record number n of the register, in content variant `variant` (0 = as first delivered; 1, 2, …
 * = changed texts, for new versions). Deterministic in (random seed, n, variant).
 */
export function syntheticRecord(random: Random, n: number, variant: number, organisationName: string): SyncRecordData {
  const object = random.pick(W.OBJECTS);
  const title = `${random.pick(W.ACTIVITIES)} ${object} ${random.pick(W.QUALIFIERS)}${variant ? ` (herzien ${variant})` : ''}`;
  const draft = n % 10 === 3;
  const purposes = Array.from({ length: random.int(1, 5) }, (_, i) => ({
    description: `${random.pick(W.PURPOSE_PHRASES)} ${i === 0 ? object : random.pick(W.OBJECTS)}.`,
    legalBasis: random.pick(W.LEGAL_BASES) as LegalBasisCode,
    legalBasisExplanation: random.chance(0.4) ? `De verwerking is noodzakelijk voor de uitvoering van de taak van ${organisationName}.` : null,
    statutoryReferences: random.chance(0.6) ? random.sample(W.STATUTES, random.int(1, 2)).map((title) => ({ title, url: null })) : [],
  }));
  const dataSubjectGroups = random.sample(W.SUBJECTS, random.int(1, 4)).map((description) => {
    const special = random.chance(0.25) ? (random.sample(W.SPECIAL_CATEGORIES, random.int(1, 2)) as SpecialCategoryCode[]) : [];
    return {
      description,
      specialCategories: special,
      noSpecialCategories: special.length ? null : true,
      dataItems: random.sample(W.DATA_ITEMS, random.int(1, 6)).map((item) => ({
        description: item,
        collectionPurpose: random.chance(0.3) ? `Nodig voor ${object}.` : null,
        retentionText: random.pick(W.RETENTIONS),
        sourceIsDataSubject: random.chance(0.7),
        sourceDescription: null,
        provisionObligatory: null,
        provisionStatement: null,
        consequencesOfNotProviding: null,
      })),
    };
  });
  const recipients = random.sample(W.RECIPIENTS, random.int(0, 8)).map((description) => ({ description, explanation: random.chance(0.2) ? 'Op grond van een wettelijke verplichting.' : null }));
  const transfers = random.chance(0.12)
    ? random.sample(W.TRANSFER_PARTIES, random.int(1, 3)).map(([recipientName, countryCode]) => ({
        recipientName,
        countryCode,
        safeguard: random.pick(W.SAFEGUARDS),
        explanation: `Gebruik van diensten van ${recipientName}.`,
      }))
    : [];
  return {
    reference: reference(n),
    title,
    description: random.chance(0.7) ? `${organisationName} verwerkt persoonsgegevens bij het ${title.toLowerCase()}.` : null,
    legalRole: LegalRole.CONTROLLER,
    purposes,
    dataSubjectGroups,
    recipients,
    recipientsNone: recipients.length ? null : true,
    automatedDecisionMaking: { applies: random.chance(0.05), statement: 'Er is geen sprake van geautomatiseerde besluitvorming.' },
    thirdCountryTransfers: transfers.length ? { applies: true, statement: null, safeguardStatement: null, transfers } : { applies: false, statement: 'Er is geen sprake van doorgifte buiten de EU.', transfers: [] },
    controllers: [{ name: organisationName, email: 'privacy@example.nl' }],
    processors: random.chance(0.3) ? [{ name: 'Leverancier zaaksysteem B.V.' }] : [],
    relatedProcessings: [],
    publish: !draft,
  };
}

/** A stable small hash of a string (FNV-1a), for deterministic choices by reference. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
