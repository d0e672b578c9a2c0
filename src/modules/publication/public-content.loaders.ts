import type { Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/**
 * Batched loaders for the nested content of public versions: one SQL statement per nesting level
 * per request, whatever the page size. They are keyed by version ids that came out of the public
 * scope (PublicRegister); they never read internal tables (contact persons, security, systems,
 * DPIA, remarks, attachments) and select only public columns, aliased to the public field names.
 */
export function createPublicContentLoaders(knex: Knex) {
  const byKey = <R extends { _key: string }>(load: (keys: readonly string[]) => Promise<R[]>) =>
    new DataLoader<string, R[]>(async (keys) => {
      const groups = new Map<string, R[]>();
      for (const row of await load(keys)) {
        const list = groups.get(row._key);
        if (list) list.push(row);
        else groups.set(row._key, [row]);
      }
      return keys.map((k) => groups.get(k) ?? []);
    });

  const select = <R>(sql: string, ids: readonly string[]): Promise<R[]> => knex.raw(sql, [[...ids]]).then((r: { rows: R[] }) => r.rows);

  return {
    purposes: byKey<PurposeRow>((ids) =>
      select<PurposeRow>(
        `select p.version_id as "_key", p.id, p.description, p.legal_basis_explanation as "legalBasisExplanation",
                lb.code as "legalBasisCode", lb.label_nl as "legalBasisLabel", lb.label_en as "legalBasisLabelEn", lb.gdpr_article as "legalBasisArticle", lb.dpv_iri as "legalBasisIri"
           from purpose p left join legal_basis lb on lb.code = p.legal_basis_code
          where p.version_id = any(?::uuid[]) order by p.version_id, p.position`,
        ids,
      ),
    ),
    statutoryReferences: byKey<StatutoryReferenceRow>((ids) =>
      select<StatutoryReferenceRow>(`select purpose_id as "_key", title, url from statutory_reference where purpose_id = any(?::uuid[]) order by purpose_id, position`, ids),
    ),
    dataSubjectGroups: byKey<DataSubjectGroupRow>((ids) =>
      select<DataSubjectGroupRow>(
        `select g.version_id as "_key", g.id, g.description, g.no_special_categories as "noSpecialCategories",
                coalesce((select json_agg(json_build_object('code', sc.code, 'label', sc.label_nl, 'labelEn', sc.label_en, 'gdprArticle', sc.gdpr_article, 'dpvIri', sc.dpv_iri) order by sc.code)
                            from data_subject_group_special_category gsc join special_category sc on sc.code = gsc.special_category_code
                           where gsc.data_subject_group_id = g.id), '[]') as "specialCategories"
           from data_subject_group g where g.version_id = any(?::uuid[]) order by g.version_id, g.position`,
        ids,
      ),
    ),
    dataItems: byKey<DataItemRow>((ids) =>
      select<DataItemRow>(
        `select group_id as "_key", id, description, collection_purpose as "collectionPurpose", retention_text as "retentionText",
                source_is_data_subject as "sourceIsDataSubject", source_description as "sourceDescription",
                provision_obligatory as "provisionObligatory", provision_statement as "provisionStatement", consequences_of_not_providing as "consequencesOfNotProviding"
           from data_item where group_id = any(?::uuid[]) order by group_id, position`,
        ids,
      ),
    ),
    // Parsed rules are a JSON document on their data item (data-item.entity.ts), already in text order.
    retentionRules: new DataLoader<string, RetentionRuleRow[]>(async (ids) => {
      const rows = await select<{ id: string; rules: RetentionRuleRow[] }>(`select id, retention_rules as rules from data_item where id = any(?::uuid[])`, ids);
      const byItem = new Map(rows.map((r) => [r.id, r.rules]));
      return ids.map((id) => byItem.get(id) ?? []);
    }),
    recipients: byKey<RecipientRow>((ids) =>
      select<RecipientRow>(`select version_id as "_key", description, explanation from recipient where version_id = any(?::uuid[]) order by version_id, position`, ids),
    ),
    parties: byKey<PartyRow>((ids) =>
      select<PartyRow>(
        `select version_id as "_key", role, name, kind, organisation_id as "organisationId", email, phone,
                visiting_line as "visitingLine", visiting_postal_code as "visitingPostalCode", visiting_city as "visitingCity", visiting_country_code as "visitingCountryCode",
                postal_line as "postalLine", postal_postal_code as "postalPostalCode", postal_city as "postalCity", postal_country_code as "postalCountryCode"
           from processing_party where version_id = any(?::uuid[]) order by version_id, position`,
        ids,
      ),
    ),
    transfers: byKey<TransferRow>((ids) =>
      select<TransferRow>(
        `select t.version_id as "_key", t.international_organisation as "internationalOrganisation", t.recipient_name as "recipientName", t.explanation,
                c.code as "countryCode", c.name_nl as "countryName", c.name_en as "countryNameEn",
                s.code as "safeguardCode", s.label_nl as "safeguardLabel", s.label_en as "safeguardLabelEn", s.gdpr_article as "safeguardArticle", s.dpv_iri as "safeguardIri"
           from third_country_transfer t left join country c on c.code = t.country_code left join transfer_safeguard s on s.code = t.safeguard_code
          where t.version_id = any(?::uuid[]) order by t.version_id, t.position`,
        ids,
      ),
    ),
    relatedProcessings: byKey<RelatedProcessingRow>((ids) =>
      select<RelatedProcessingRow>(
        `select version_id as "_key", reference, description, related_activity_id as "relatedActivityId"
           from related_processing where version_id = any(?::uuid[]) order by version_id, position`,
        ids,
      ),
    ),
  };
}

export type PublicContentLoaders = ReturnType<typeof createPublicContentLoaders>;

export interface PurposeRow {
  _key: string;
  id: string;
  description: string;
  legalBasisExplanation: string | null;
  legalBasisCode: string | null;
  legalBasisLabel: string | null;
  legalBasisLabelEn: string | null;
  legalBasisArticle: string | null;
  legalBasisIri: string | null;
}
export interface StatutoryReferenceRow {
  _key: string;
  title: string;
  url: string | null;
}
export interface VocabularyJson {
  code: string;
  label: string;
  labelEn: string;
  gdprArticle: string | null;
  dpvIri: string | null;
}
export interface DataSubjectGroupRow {
  _key: string;
  id: string;
  description: string;
  noSpecialCategories: boolean | null;
  specialCategories: VocabularyJson[];
}
export interface DataItemRow {
  _key: string;
  id: string;
  description: string;
  collectionPurpose: string | null;
  retentionText: string | null;
  sourceIsDataSubject: boolean | null;
  sourceDescription: string | null;
  provisionObligatory: boolean | null;
  provisionStatement: string | null;
  consequencesOfNotProviding: string | null;
}
export interface RetentionRuleRow {
  kind: string;
  duration: string | null;
  eventTrigger: string | null;
  valuation: string | null;
  selectionList: string | null;
  processNumber: string | null;
  processTitle: string | null;
  appliesTo: string | null;
  sourceFragment: string;
}
export interface RecipientRow {
  _key: string;
  description: string;
  explanation: string | null;
}
export interface PartyRow {
  _key: string;
  role: 'CONTROLLER' | 'PROCESSOR';
  name: string;
  kind: string | null;
  organisationId: string | null;
  email: string | null;
  phone: string | null;
  visitingLine: string | null;
  visitingPostalCode: string | null;
  visitingCity: string | null;
  visitingCountryCode: string | null;
  postalLine: string | null;
  postalPostalCode: string | null;
  postalCity: string | null;
  postalCountryCode: string | null;
}
export interface TransferRow {
  _key: string;
  internationalOrganisation: string | null;
  recipientName: string;
  explanation: string | null;
  countryCode: string | null;
  countryName: string | null;
  countryNameEn: string | null;
  safeguardCode: string | null;
  safeguardLabel: string | null;
  safeguardLabelEn: string | null;
  safeguardArticle: string | null;
  safeguardIri: string | null;
}
export interface RelatedProcessingRow {
  _key: string;
  reference: string;
  description: string | null;
  relatedActivityId: string | null;
}
