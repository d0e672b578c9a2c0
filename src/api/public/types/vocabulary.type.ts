import { Field, ObjectType } from 'type-graphql';
import { LegalBasisCode, SpecialCategoryCode, TransferSafeguardCode } from './enums.type';

@ObjectType({ simpleResolvers: true, description: 'Grondslag: a legal ground of AVG art. 6(1), with its W3C DPV identifier.' })
export class LegalBasisTerm {
  @Field(() => LegalBasisCode, { description: 'Stable code.' })
  code!: string;

  @Field({ description: 'Dutch label, e.g. "Gerechtvaardigd belang".' })
  label!: string;

  @Field({ description: 'English label.' })
  labelEn!: string;

  @Field(() => String, { nullable: true, description: 'Article of the AVG, e.g. "6(1)(f)".' })
  gdprArticle!: string | null;

  @Field(() => String, { nullable: true, description: 'IRI in the W3C Data Privacy Vocabulary (DPV), for linked open data.' })
  dpvIri!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A special category of personal data (bijzonder persoonsgegeven), with its W3C DPV identifier.' })
export class SpecialCategoryTerm {
  @Field(() => SpecialCategoryCode, { description: 'Stable code.' })
  code!: string;

  @Field({ description: 'Dutch label, e.g. "Gezondheid".' })
  label!: string;

  @Field({ description: 'English label.' })
  labelEn!: string;

  @Field(() => String, { nullable: true, description: 'Legal article, e.g. "9(1)".' })
  gdprArticle!: string | null;

  @Field(() => String, { nullable: true, description: 'IRI in the W3C Data Privacy Vocabulary (DPV).' })
  dpvIri!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'Waarborg: the legal safeguard for a transfer outside the EU (AVG art. 45, 46 or 49), with its W3C DPV identifier.' })
export class TransferSafeguardTerm {
  @Field(() => TransferSafeguardCode, { description: 'Stable code.' })
  code!: string;

  @Field({ description: 'Dutch label, e.g. "Adequaatheidsbesluit".' })
  label!: string;

  @Field({ description: 'English label.' })
  labelEn!: string;

  @Field(() => String, { nullable: true, description: 'Article of the AVG, e.g. "46(2)(c)".' })
  gdprArticle!: string | null;

  @Field(() => String, { nullable: true, description: 'IRI in the W3C Data Privacy Vocabulary (DPV).' })
  dpvIri!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A country (ISO 3166-1).' })
export class CountryTerm {
  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. "US".' })
  code!: string;

  @Field({ description: 'Dutch name, e.g. "Verenigde Staten".' })
  name!: string;

  @Field({ description: 'English name.' })
  nameEn!: string;
}
