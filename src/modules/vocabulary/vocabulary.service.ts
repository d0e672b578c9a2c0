import type { EntityManager } from '@mikro-orm/postgresql';
import { Country } from './country.entity';
import { countryTerms } from './data/countries.data';
import { LEGAL_BASES } from './data/legal-bases.data';
import { SPECIAL_CATEGORIES } from './data/special-categories.data';
import { TRANSFER_SAFEGUARDS } from './data/transfer-safeguards.data';
import type { VocabularyTerm } from './data/vocabulary-term';
import { LegalBasis } from './legal-basis.entity';
import { SpecialCategory } from './special-category.entity';
import { TransferSafeguard } from './transfer-safeguard.entity';

const row = (t: VocabularyTerm<string>) => ({ code: t.code, labelNl: t.labelNl, labelEn: t.labelEn, gdprArticle: t.gdprArticle, dpvIri: t.dpvIri });

/**
 * Brings the vocabulary tables in line with the committed data, on every start: new terms are
 * added and labels refreshed by code. Nothing is deleted; a term leaves use by getting retiredAt.
 */
export async function syncVocabularies(em: EntityManager): Promise<void> {
  await em.upsertMany(LegalBasis, LEGAL_BASES.map(row));
  await em.upsertMany(SpecialCategory, SPECIAL_CATEGORIES.map(row));
  await em.upsertMany(TransferSafeguard, TRANSFER_SAFEGUARDS.map(row));
  await em.upsertMany(Country, countryTerms().map((c) => ({ code: c.code, nameNl: c.nameNl, nameEn: c.nameEn })));
}
