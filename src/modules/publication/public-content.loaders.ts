import type { Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ParsedRetentionRule } from '../retention/retention-rule.types';
import { pooledStatement, uuidArray } from './pooled-statement';

/**
 * Batched loaders for the nested content of public versions: one SQL statement per nesting level
 * per request, whatever the page size. They are keyed by version ids that came out of the public
 * scope (PublicRegister); they never read internal tables (contact persons, security, systems,
 * DPIA, remarks, attachments) and select only public columns, aliased to the public field names.
 *
 * A level is loaded with the columns a request asks for (`with(columns)`; `all` for every one):
 * a page that shows a data item's description and retention text does not make PostgreSQL send,
 * nor pg parse, the other eight. Rows carry only those columns. Column names must be keys of the
 * level's fixed list below, and the SQL is assembled from that list only.
 */
interface Level<R> {
  /** The level's table, with its vocabulary joined where it has one. */
  from: string;
  /** The parent key the level is loaded by, and the column that orders rows within one parent. */
  key: string;
  position: string;
  /** Every public column of the level, under its public name. */
  columns: Record<ColumnOf<R>, string>;
}

export type ColumnOf<R> = Exclude<keyof R, '_key'> & string;

const PURPOSES: Level<PurposeRow> = {
  from: 'purpose p left join legal_basis lb on lb.code = p.legal_basis_code',
  key: 'p.version_id',
  position: 'p.position',
  columns: {
    id: 'p.id',
    description: 'p.description',
    legalBasisExplanation: 'p.legal_basis_explanation',
    legalBasisCode: 'lb.code',
    legalBasisLabel: 'lb.label_nl',
    legalBasisLabelEn: 'lb.label_en',
    legalBasisArticle: 'lb.gdpr_article',
    legalBasisIri: 'lb.dpv_iri',
  },
};

const STATUTORY_REFERENCES: Level<StatutoryReferenceRow> = {
  from: 'statutory_reference',
  key: 'purpose_id',
  position: 'position',
  columns: { title: 'title', url: 'url' },
};

const DATA_SUBJECT_GROUPS: Level<DataSubjectGroupRow> = {
  from: 'data_subject_group g',
  key: 'g.version_id',
  position: 'g.position',
  columns: {
    id: 'g.id',
    description: 'g.description',
    noSpecialCategories: 'g.no_special_categories',
    specialCategories: `coalesce((select json_agg(json_build_object('code', sc.code, 'label', sc.label_nl, 'labelEn', sc.label_en, 'gdprArticle', sc.gdpr_article, 'dpvIri', sc.dpv_iri) order by sc.code)
                                    from data_subject_group_special_category gsc join special_category sc on sc.code = gsc.special_category_code
                                   where gsc.data_subject_group_id = g.id), '[]')`,
  },
};

const DATA_ITEMS: Level<DataItemRow> = {
  from: 'data_item',
  key: 'group_id',
  position: 'position',
  columns: {
    description: 'description',
    collectionPurpose: 'collection_purpose',
    retentionText: 'retention_text',
    // Parsed from the text at write time, in text order (data-item.entity.ts).
    retentionRules: 'retention_rules',
    sourceIsDataSubject: 'source_is_data_subject',
    sourceDescription: 'source_description',
    provisionObligatory: 'provision_obligatory',
    provisionStatement: 'provision_statement',
    consequencesOfNotProviding: 'consequences_of_not_providing',
  },
};

/** What a record states once for all its data items (record-level retention and source); one row per version. */
const RECORD_WIDE: Level<RecordWideRow> = {
  from: 'processing_activity_version',
  key: 'id',
  position: 'id',
  columns: {
    retentionText: 'retention_text',
    retentionRules: 'retention_rules',
    sourceIsDataSubject: 'source_is_data_subject',
    sourceDescription: 'source_description',
  },
};

const RECIPIENTS: Level<RecipientRow> = {
  from: 'recipient',
  key: 'version_id',
  position: 'position',
  columns: { description: 'description', explanation: 'explanation' },
};

const PARTIES: Level<PartyRow> = {
  from: 'processing_party',
  key: 'version_id',
  position: 'position',
  columns: {
    role: 'role',
    name: 'name',
    roleDescription: 'role_description',
    kind: 'kind',
    organisationId: 'organisation_id',
    email: 'email',
    phone: 'phone',
    visitingLine: 'visiting_line',
    visitingPostalCode: 'visiting_postal_code',
    visitingCity: 'visiting_city',
    visitingCountryCode: 'visiting_country_code',
    postalLine: 'postal_line',
    postalPostalCode: 'postal_postal_code',
    postalCity: 'postal_city',
    postalCountryCode: 'postal_country_code',
  },
};

const TRANSFERS: Level<TransferRow> = {
  from: 'third_country_transfer t left join country c on c.code = t.country_code left join transfer_safeguard s on s.code = t.safeguard_code',
  key: 't.version_id',
  position: 't.position',
  columns: {
    internationalOrganisation: 't.international_organisation',
    recipientName: 't.recipient_name',
    explanation: 't.explanation',
    countryCode: 'c.code',
    countryName: 'c.name_nl',
    countryNameEn: 'c.name_en',
    safeguardCode: 's.code',
    safeguardLabel: 's.label_nl',
    safeguardLabelEn: 's.label_en',
    safeguardArticle: 's.gdpr_article',
    safeguardIri: 's.dpv_iri',
  },
};

const RELATED_PROCESSINGS: Level<RelatedProcessingRow> = {
  from: 'related_processing',
  key: 'version_id',
  position: 'position',
  columns: { reference: 'reference', description: 'description', relatedActivityId: 'related_activity_id' },
};

export function createPublicContentLoaders(knex: Knex) {
  /** Loaders of one level, one per column set asked for in this request. */
  const level = <R extends { _key: string }>(def: Level<R>) => {
    const loaders = new Map<string, DataLoader<string, R[]>>();
    // ColumnSelection hands out one array per column set: found by identity, a field resolved for
    // every object of a page does not build a key each time.
    const byList = new Map<readonly ColumnOf<R>[], DataLoader<string, R[]>>();
    const withColumns = (columns: readonly ColumnOf<R>[]): DataLoader<string, R[]> => {
      const known = byList.get(columns);
      if (known) return known;
      const id = columns.join();
      let loader = loaders.get(id);
      if (!loader) {
        for (const c of columns) if (!Object.hasOwn(def.columns, c)) throw new Error(`${c} is not a public column of ${def.from}`);
        const list = [`${def.key} as "_key"`, ...columns.map((c) => `${def.columns[c]} as "${c}"`)].join(', ');
        const sql = `select ${list} from ${def.from} where ${def.key} = any($1::uuid[]) order by ${def.key}, ${def.position}`;
        loader = new DataLoader<string, R[]>(async (keys) => groupByKey(keys, await pooledStatement<R>(knex, sql, [uuidArray(keys)])));
        loaders.set(id, loader);
      }
      byList.set(columns, loader);
      return loader;
    };
    const all = Object.keys(def.columns) as ColumnOf<R>[];
    return {
      with: withColumns,
      get all() {
        return withColumns(all);
      },
    };
  };

  return {
    purposes: level(PURPOSES),
    statutoryReferences: level(STATUTORY_REFERENCES),
    dataSubjectGroups: level(DATA_SUBJECT_GROUPS),
    dataItems: level(DATA_ITEMS),
    recordWide: level(RECORD_WIDE),
    recipients: level(RECIPIENTS),
    parties: level(PARTIES),
    transfers: level(TRANSFERS),
    relatedProcessings: level(RELATED_PROCESSINGS),
  };
}

/** Rows per key, in the keys' order. The statements order rows by key, so each key's rows are one run. */
function groupByKey<R extends { _key: string }>(keys: readonly string[], rows: R[]): R[][] {
  const groups = new Map<string, R[]>();
  for (let start = 0, i = 1; i <= rows.length; i++) {
    if (i === rows.length || rows[i]._key !== rows[start]._key) {
      groups.set(rows[start]._key, rows.slice(start, i));
      start = i;
    }
  }
  return keys.map((k) => groups.get(k) ?? []);
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
  description: string;
  collectionPurpose: string | null;
  retentionText: string | null;
  retentionRules: ParsedRetentionRule[];
  sourceIsDataSubject: boolean | null;
  sourceDescription: string | null;
  provisionObligatory: boolean | null;
  provisionStatement: string | null;
  consequencesOfNotProviding: string | null;
}
export interface RecordWideRow {
  _key: string;
  retentionText: string | null;
  retentionRules: ParsedRetentionRule[];
  sourceIsDataSubject: boolean | null;
  sourceDescription: string | null;
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
  roleDescription: string | null;
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
