import { Field, Int, ObjectType } from 'type-graphql';
import { PublicOrganisation } from './organisation.type';
import { CountryTerm, LegalBasisTerm, SpecialCategoryTerm } from './vocabulary.type';

@ObjectType({ description: 'Number of matching records per legal basis.' })
export class LegalBasisFacet {
  @Field(() => LegalBasisTerm)
  legalBasis!: LegalBasisTerm;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Number of matching records per organisation (the organisation itself, not its sub-organisations).' })
export class OrganisationFacet {
  @Field(() => PublicOrganisation)
  organisation!: PublicOrganisation;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Number of matching records per special category.' })
export class SpecialCategoryFacet {
  @Field(() => SpecialCategoryTerm)
  specialCategory!: SpecialCategoryTerm;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Number of matching records per country of transfer outside the EU.' })
export class CountryFacet {
  @Field(() => CountryTerm)
  country!: CountryTerm;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Counts for a search page, over exactly the records that processingActivities returns for the same filter and search.' })
export class ProcessingActivityFacets {
  @Field(() => Int, { description: 'Equals processingActivities.totalCount for the same arguments.' })
  total!: number;

  @Field(() => [LegalBasisFacet])
  legalBases!: LegalBasisFacet[];

  @Field(() => [OrganisationFacet])
  organisations!: OrganisationFacet[];

  @Field(() => [SpecialCategoryFacet])
  specialCategories!: SpecialCategoryFacet[];

  @Field(() => [CountryFacet])
  countries!: CountryFacet[];
}
