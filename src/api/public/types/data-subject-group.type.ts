import { Field, ObjectType } from 'type-graphql';
import type { PublicDataItem } from './data-item.type';
import { SpecialCategoryTerm } from './vocabulary.type';

@ObjectType('DataSubjectGroup', { simpleResolvers: true, description: 'Betrokkenen: a group of data subjects and which special categories of their data are processed.' })
export class PublicDataSubjectGroup {
  dbId!: string;
  /** Its data items, when the group came from a pre-rendered document (document-content.ts); otherwise loaded by dbId. */
  dataItemsInDocument?: PublicDataItem[];

  @Field({ description: 'Betrokkene(n), e.g. "Defensiemedewerkers".' })
  description!: string;

  @Field(() => [SpecialCategoryTerm], { description: 'Bijzondere persoonsgegevens processed about this group (empty when none are stated).' })
  specialCategories!: SpecialCategoryTerm[];

  @Field(() => Boolean, { nullable: true, description: 'True when the register explicitly states that no special categories are processed; null when not answered.' })
  noSpecialCategories!: boolean | null;
}
