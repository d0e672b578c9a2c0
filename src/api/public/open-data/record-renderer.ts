import { PartyRole } from '../../../modules/processing-activity/processing-activity.enums';
import type { OrganisationCounts, PublicVersionRow } from '../../../modules/publication/public-register';
import type { Vocabulary, VocabularyTerm } from '../../../modules/publication/reference-data';
import { type PublicDocument, type PublicDocumentDataItem, type PublicDocumentParty, withDataItemRetentionRules } from '../../../modules/publication/public-document';
import type { DocumentRow, RelatedLink, SnapshotRecord } from '../../../modules/publication/register-snapshot';
import { toGlobalId } from '../../common/global-id';
import { toParty } from '../document-content';
import { toPublicActivity, toPublicVersion } from '../public.mappers';
import type { PublicOrganisation } from '../types/organisation.type';
import type { PublicActivityContent } from '../types/processing-activity.type';

type Json = Record<string, unknown>;

/** A record as the GraphQL `ProcessingActivity` with every field (history aside), as plain JSON. */
export type PublicRecord = Json & { id: string; reference: string; organisation: { id: string } };

/**
 * One record of a download: its id, the content of its current version (every field of the
 * GraphQL ProcessingActivity but `id` and `history`), and with history, the global id of its
 * current version and its older versions' content, newest first.
 */
export interface RenderedRecord {
  id: string;
  content: Json;
  /** The organisations that adopted the record (ProcessingActivity.sharedWith: the record's, not a version's). */
  sharedWith: Json[];
  history?: { currentVersionId: string; older: { id: string; content: Json }[] };
}

/**
 * Turns the read model's pre-rendered documents into the shape of the GraphQL API, field for
 * field: vocabulary codes become the terms GraphQL shows (labels, GDPR article, DPV IRI),
 * organisation ids the organisation objects, flat data-item columns the nested retention, source
 * and provision objects. It decides nothing about visibility: it only shows what the snapshot
 * (the read model) holds. test/public/open-data.test.ts compares its output with GraphQL's answer
 * for every field of the type, so a field added to the schema fails that test until it is here.
 *
 * Organisations (a few hundred) are rendered once per download and shared by every record.
 */
export class RecordRenderer {
  private readonly organisationJson = new Map<string, Json>();

  constructor(
    private readonly vocabulary: Vocabulary,
    organisations: Map<string, PublicOrganisation>,
    /** Current public records per organisation, adoptions included (OrganisationCounts). */
    counts: OrganisationCounts,
  ) {
    const children = new Map<string | null, PublicOrganisation[]>();
    for (const o of organisations.values()) {
      const siblings = children.get(o.parentId);
      if (siblings) siblings.push(o);
      else children.set(o.parentId, [o]);
    }
    // As OrganisationDirectory.publishedCount with sub-organisations: the unshared records of the
    // subtree, plus its shared records counted once.
    const unsharedInSubtree = (o: PublicOrganisation, seen: Set<string>): number => {
      if (seen.has(o.dbId)) return 0;
      seen.add(o.dbId);
      return (counts.unshared.get(o.dbId) ?? 0) + (children.get(o.dbId) ?? []).reduce((sum, child) => sum + unsharedInSubtree(child, seen), 0);
    };
    const total = (o: PublicOrganisation, seen: Set<string>) => unsharedInSubtree(o, seen) + (counts.sharedInSubtree.get(o.dbId) ?? 0);
    const leaves = (o: PublicOrganisation) => ({
      id: o.id,
      name: o.name,
      abbreviation: o.abbreviation,
      kind: o.kind,
      tooiUri: o.tooiUri,
      oin: o.oin,
      website: o.website,
      email: o.email,
      phone: o.phone,
      publishedActivityCount: total(o, new Set()),
    });
    for (const o of organisations.values()) {
      const parent = o.parentId ? organisations.get(o.parentId) : undefined;
      const { publishedActivityCount, ...own } = leaves(o);
      this.organisationJson.set(o.dbId, { ...own, visitingAddress: o.visitingAddress, postalAddress: o.postalAddress, parent: parent ? leaves(parent) : null, publishedActivityCount });
    }
  }

  render(record: SnapshotRecord): RenderedRecord {
    const { current, older, related } = record;
    const rendered: RenderedRecord = {
      id: toGlobalId('ProcessingActivity', current.activity_id),
      content: this.content(toPublicActivity(current), current, related && (related.get(current.version_id) ?? [])),
      sharedWith: record.sharedWith.map((id) => this.organisation(id)).filter((o): o is Json => o !== null),
    };
    if (older) {
      rendered.history = {
        currentVersionId: toGlobalId('ProcessingActivityVersion', current.version_id),
        older: older.map((v) => ({ id: toGlobalId('ProcessingActivityVersion', v.version_id), content: this.content(toPublicVersion(v), v, related?.get(v.version_id) ?? []) })),
      };
    }
    return rendered;
  }

  /** The record with its id, as CSV and linked data read it. */
  static record(r: RenderedRecord): PublicRecord {
    return { id: r.id, ...r.content, sharedWith: r.sharedWith } as unknown as PublicRecord;
  }

  /**
   * One NDJSON line: the record with every field, history included. The current version's content
   * is serialised once and written twice (as the record and as the first history entry), which
   * halves the work for the many records with one version.
   */
  static ndjsonLine(r: RenderedRecord): string {
    const body = JSON.stringify(r.content).slice(1, -1);
    const history = r.history ? [`{"id":${JSON.stringify(r.history.currentVersionId)},${body}}`, ...r.history.older.map((v) => JSON.stringify({ id: v.id, ...v.content }))] : [];
    return `{"id":${JSON.stringify(r.id)},${body},"sharedWith":${JSON.stringify(r.sharedWith)},"history":[${history.join(',')}]}\n`;
  }

  /**
   * The content fields, in the schema's order. `related` given (history downloads): related
   * processings with the record each points to; otherwise from the document, without it.
   */
  private content(version: PublicActivityContent, row: DocumentRow, related: RelatedLink[] | undefined): Json {
    const doc: PublicDocument = JSON.parse(row.document_text);
    if (row.data_item_retention_rules_text) withDataItemRetentionRules(doc, JSON.parse(row.data_item_retention_rules_text));
    const transfers = version.thirdCountryTransfers;
    return {
      reference: version.reference,
      versionNumber: version.versionNumber,
      // As GraphQL's DateTimeISO shows them (a Date would reach the CSV as a number).
      publishedAt: version.publishedAt.toISOString(),
      updatedAt: version.updatedAt.toISOString(),
      title: version.title,
      description: version.description,
      legalRole: version.legalRole,
      jointControllershipArrangement: version.jointControllershipArrangement,
      recipientsNone: version.recipientsNone,
      automatedDecisionMaking: version.automatedDecisionMaking,
      thirdCountryTransfers: transfers && { applies: transfers.applies, statement: transfers.statement, safeguardStatement: transfers.safeguardStatement, transfers: doc.transfers.map((t) => this.transfer(t)) },
      relatedProcessingsStatement: version.relatedProcessingsStatement,
      dataSubjectRights: version.dataSubjectRights,
      processingLocation: version.processingLocation,
      retention: row.retention_text != null ? { text: row.retention_text, rules: (row.retention_rules ?? []).map(retentionRule) } : null,
      source: row.source_description != null || row.source_is_data_subject != null ? { isDataSubject: row.source_is_data_subject, description: row.source_description } : null,
      organisation: this.organisation(row.organisation_id),
      purposes: doc.purposes.map((p) => ({
        description: p.description,
        legalBasis: this.term(this.vocabulary.legalBases, p.legalBasis ?? null),
        legalBasisExplanation: p.legalBasisExplanation ?? null,
        statutoryReferences: p.statutoryReferences.map((s) => ({ title: s.title, url: s.url ?? null })),
      })),
      dataSubjectGroups: doc.dataSubjectGroups.map((g) => ({
        description: g.description,
        specialCategories: g.specialCategories.map((code: string) => this.term(this.vocabulary.specialCategories, code)).filter(Boolean),
        noSpecialCategories: g.noSpecialCategories ?? null,
        dataItems: g.dataItems.map(dataItem),
      })),
      recipients: doc.recipients.map((r) => ({ description: r.description, explanation: r.explanation ?? null })),
      controllers: doc.parties.filter((p) => p.role === PartyRole.CONTROLLER).map((p) => this.party(p)),
      processors: doc.parties.filter((p) => p.role === PartyRole.PROCESSOR).map((p) => this.party(p)),
      relatedProcessings: related
        ? related.map((r) => ({ reference: r.reference, description: r.description, activity: r.activity && relatedActivity(r.activity) }))
        : doc.relatedProcessings.map((r) => ({ reference: r.reference, description: r.description ?? null })),
    };
  }

  private organisation(id: string | null): Json | null {
    return (id && this.organisationJson.get(id)) || null;
  }

  private term(terms: Map<string, VocabularyTerm>, code: string | null): VocabularyTerm | null {
    return (code && terms.get(code.trim())) || null;
  }

  private transfer(t: PublicDocument['transfers'][number]): Json {
    const country = t.countryCode ? this.vocabulary.countries.get(t.countryCode.trim()) : undefined;
    return {
      country: country ? { code: country.code, name: country.name, nameEn: country.nameEn } : null,
      internationalOrganisation: t.internationalOrganisation ?? null,
      recipientName: t.recipientName,
      safeguard: this.term(this.vocabulary.transferSafeguards, t.safeguardCode ?? null),
      explanation: t.explanation ?? null,
    };
  }

  /** GraphQL's party (toParty, the same fields in the same order) with the organisation it is, rendered, in place of its id. */
  private party(p: PublicDocumentParty): Json {
    const { organisationId, ...party } = toParty(p);
    return { ...party, organisation: this.organisation(organisationId) };
  }
}

function dataItem(d: PublicDocumentDataItem): Json {
  return {
    description: d.description,
    collectionPurpose: d.collectionPurpose ?? null,
    retention: { text: d.retentionText ?? null, rules: (d.retentionRules ?? []).map(retentionRule) },
    source: { isDataSubject: d.sourceIsDataSubject ?? null, description: d.sourceDescription ?? null },
    provision: { obligatory: d.provisionObligatory ?? null, statement: d.provisionStatement ?? null, consequences: d.consequencesOfNotProviding ?? null },
  };
}

function retentionRule(r: NonNullable<PublicDocumentDataItem['retentionRules']>[number]): Json {
  return {
    kind: r.kind,
    duration: r.duration ?? null,
    eventTrigger: r.eventTrigger ?? null,
    valuation: r.valuation ?? null,
    selectionList: r.selectionList ?? null,
    processNumber: r.processNumber ?? null,
    processTitle: r.processTitle ?? null,
    appliesTo: r.appliesTo ?? null,
    sourceFragment: r.sourceFragment ?? null,
  };
}

/** A related record as GraphQL shows it there: its own scalar fields only (it is a ProcessingActivity already on the path). */
function relatedActivity(row: PublicVersionRow): Json {
  const a = toPublicActivity(row);
  return {
    id: a.id,
    reference: a.reference,
    versionNumber: a.versionNumber,
    publishedAt: a.publishedAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    title: a.title,
    description: a.description,
    legalRole: a.legalRole,
    jointControllershipArrangement: a.jointControllershipArrangement,
    recipientsNone: a.recipientsNone,
    relatedProcessingsStatement: a.relatedProcessingsStatement,
    dataSubjectRights: a.dataSubjectRights,
    processingLocation: a.processingLocation,
  };
}
