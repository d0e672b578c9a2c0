import type { Knex } from '@mikro-orm/postgresql';
import { allPublicOrganisations, type PublicOrganisationRow } from './public-organisations';

export interface VocabularyTerm {
  code: string;
  label: string;
  labelEn: string;
  gdprArticle: string | null;
  dpvIri: string | null;
}

export interface CountryName {
  code: string;
  name: string;
  nameEn: string;
}

export interface Vocabulary {
  legalBases: Map<string, VocabularyTerm>;
  specialCategories: Map<string, VocabularyTerm>;
  countries: Map<string, CountryName>;
  transferSafeguards: Map<string, VocabularyTerm>;
}

/**
 * The organisations (a few hundred rows) and the vocabularies, kept in the process instead of
 * being read on every request that shows facets or the organisation tree. They change rarely;
 * every write to those tables sends NOTIFY public_register_changed (statement triggers), and the
 * process's listener calls invalidate(). While the listener is not connected (`live` false) the
 * cache is bypassed: every call reads the tables, as a request without the cache would.
 *
 * Callers get the same objects as other requests: they must not change them.
 */
export class PublicReferenceData {
  private live = false;
  private generation = 0;
  private vocabularyMemo: Promise<Vocabulary> | null = null;
  private organisationsMemo: Promise<PublicOrganisationRow[]> | null = null;

  constructor(private readonly knex: Knex) {}

  /** The listener connected (true) or lost its connection (false); either way, start afresh. */
  setLive(live: boolean): void {
    this.live = live;
    this.invalidate();
  }

  invalidate(): void {
    this.generation++;
    this.vocabularyMemo = null;
    this.organisationsMemo = null;
  }

  get isLive(): boolean {
    return this.live;
  }

  vocabulary(): Promise<Vocabulary> {
    if (!this.live) return loadVocabulary(this.knex);
    if (this.vocabularyMemo) return this.vocabularyMemo;
    const memo: Promise<Vocabulary> = this.kept(loadVocabulary(this.knex), () => {
      if (this.vocabularyMemo === memo) this.vocabularyMemo = null;
    });
    return (this.vocabularyMemo = memo);
  }

  /** Every organisation, by name. */
  organisations(): Promise<PublicOrganisationRow[]> {
    if (!this.live) return allPublicOrganisations(this.knex);
    if (this.organisationsMemo) return this.organisationsMemo;
    const memo: Promise<PublicOrganisationRow[]> = this.kept(allPublicOrganisations(this.knex), () => {
      if (this.organisationsMemo === memo) this.organisationsMemo = null;
    });
    return (this.organisationsMemo = memo);
  }

  /** A load that failed, or that an invalidation overtook (it may have read the old rows), is not kept. */
  private kept<T>(load: Promise<T>, forget: () => void): Promise<T> {
    const generation = this.generation;
    return load.then(
      (value) => {
        if (generation !== this.generation) forget();
        return value;
      },
      (e) => {
        forget();
        throw e;
      },
    );
  }
}

async function loadVocabulary(knex: Knex): Promise<Vocabulary> {
  const terms = (table: string) =>
    knex.select('code', 'label_nl as label', 'label_en as labelEn', 'gdpr_article as gdprArticle', 'dpv_iri as dpvIri').from(table) as Promise<VocabularyTerm[]>;
  const [legalBases, specialCategories, countries, transferSafeguards] = await Promise.all([
    terms('legal_basis'),
    terms('special_category'),
    knex.select('code', 'name_nl as name', 'name_en as nameEn').from('country') as Promise<CountryName[]>,
    terms('transfer_safeguard'),
  ]);
  const byCode = <T extends { code: string }>(list: T[]) => new Map(list.map((t) => [t.code.trim(), { ...t, code: t.code.trim() }]));
  return { legalBases: byCode(legalBases), specialCategories: byCode(specialCategories), countries: byCode(countries), transferSafeguards: byCode(transferSafeguards) };
}
