import { Field, ObjectType } from 'type-graphql';
import { OrganisationKind } from '../../../modules/organisation/organisation.enums';
import { PublicAddress } from './address.type';
import { Node } from './node.type';

@ObjectType('Organisation', { implements: Node, simpleResolvers: true, description: 'A public organisation (ministerie, agentschap, directie, gemeente, gemeenschappelijke regeling) in the register\'s tree.' })
export class PublicOrganisation extends Node {
  /** Database id; not a GraphQL field. */
  dbId!: string;
  parentId!: string | null;

  @Field({ description: 'Naam of the organisation.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Afkorting, e.g. "RVO".' })
  abbreviation!: string | null;

  @Field(() => OrganisationKind, { description: 'Soort organisatie.' })
  kind!: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'TOOI URI (Thesaurus en Ontologie Overheidsinformatie).' })
  tooiUri!: string | null;

  @Field(() => String, { nullable: true, description: 'OIN: 20-digit Organisatie-identificatienummer.' })
  oin!: string | null;

  @Field(() => String, { nullable: true, description: 'Website.' })
  website!: string | null;

  @Field(() => String, { nullable: true, description: 'Functional e-mail address (e.g. of the privacy officer\'s office).' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Functional telephone number.' })
  phone!: string | null;

  @Field(() => PublicAddress, { nullable: true, description: 'Bezoekadres.' })
  visitingAddress!: PublicAddress | null;

  @Field(() => PublicAddress, { nullable: true, description: 'Postadres.' })
  postalAddress!: PublicAddress | null;
}
