import { Field, Int, ObjectType } from 'type-graphql';
import { PublicOrganisation } from './organisation.type';
import { CountryTerm, LegalBasisTerm, SpecialCategoryTerm } from './vocabulary.type';

@ObjectType({ simpleResolvers: true, description: 'Number of matching records per legal basis.' })
export class LegalBasisFacet {
  @Field(() => LegalBasisTerm, { description: 'The legal basis.' })
  legalBasis!: LegalBasisTerm;

  @Field(() => Int, { description: 'Number of matching records.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Number of matching records per organisation (the organisation itself, not its sub-organisations): the records it lists, its own and those it adopted, as the organisation filter finds them. A shared record counts for its owner and for each organisation that adopted it, so these counts can add up to more than the total.' })
export class OrganisationFacet {
  @Field(() => PublicOrganisation, { description: 'The organisation.' })
  organisation!: PublicOrganisation;

  @Field(() => Int, { description: 'Number of matching records.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Number of matching records per special category.' })
export class SpecialCategoryFacet {
  @Field(() => SpecialCategoryTerm, { description: 'The special category.' })
  specialCategory!: SpecialCategoryTerm;

  @Field(() => Int, { description: 'Number of matching records.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Number of matching records per country of transfer outside the EU.' })
export class CountryFacet {
  @Field(() => CountryTerm, { description: 'The country.' })
  country!: CountryTerm;

  @Field(() => Int, { description: 'Number of matching records.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'Counts for a search page, over exactly the records that processingActivities returns for the same filter and search.' })
export class ProcessingActivityFacets {
  @Field(() => Int, { description: 'Equals processingActivities.totalCount for the same arguments.' })
  total!: number;

  @Field({
    description:
      'True when total and every count are estimates, as processingActivities.totalCountIsEstimate says for the same arguments: a search for the alternatives of a word (a prefix `word*`, synonyms) whose words together occur in more than 5,000 records (by default; the server setting SEARCH_EXACT_COUNT_LIMIT), without a filter. Otherwise (one word, several words, any filter) the counts are exact.',
  })
  countsAreEstimates!: boolean;

  @Field(() => [LegalBasisFacet], { description: 'Per legal basis (a record with several counts once for each).' })
  legalBases!: LegalBasisFacet[];

  @Field(() => [OrganisationFacet], { description: 'Per organisation.' })
  organisations!: OrganisationFacet[];

  @Field(() => [SpecialCategoryFacet], { description: 'Per special category.' })
  specialCategories!: SpecialCategoryFacet[];

  @Field(() => [CountryFacet], { description: 'Per country of transfer.' })
  countries!: CountryFacet[];
}
