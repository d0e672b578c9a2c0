import { Field, ObjectType } from 'type-graphql';
import { PublicAddress } from './address.type';

@ObjectType('Party', { simpleResolvers: true, description: 'A controller (verwerkingsverantwoordelijke) or processor (verwerker): an organisation with functional contact data only. Staff are never named.' })
export class PublicParty {
  organisationId!: string | null;

  @Field({ description: 'Name of the organisation.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The role in which this party is controller (or processor), as the register states it, e.g. "burgemeester", "college van burgemeester en wethouders" or "gemeenteraad"; null when not stated.',
  })
  roleDescription!: string | null;

  @Field(() => String, { nullable: true, description: 'Type as delivered, e.g. "Ministerie".' })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: 'Functional e-mail address.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Functional telephone number.' })
  phone!: string | null;

  @Field(() => PublicAddress, { nullable: true, description: 'Bezoekadres.' })
  visitingAddress!: PublicAddress | null;

  @Field(() => PublicAddress, { nullable: true, description: 'Postadres.' })
  postalAddress!: PublicAddress | null;
}
