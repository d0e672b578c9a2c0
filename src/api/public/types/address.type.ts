import { Field, ObjectType } from 'type-graphql';

@ObjectType('Address', { simpleResolvers: true, description: 'A functional address of an organisation (bezoekadres or postadres). Never a person\'s address.' })
export class PublicAddress {
  @Field({ description: 'Street and number, or "Postbus …".' })
  line!: string;

  @Field(() => String, { nullable: true, description: 'Postcode.' })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Plaats.' })
  city!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  countryCode!: string | null;
}

/** An address from prefixed columns, or null when it has no line. */
export function addressFrom(line: string | null, postalCode: string | null, city: string | null, countryCode: string | null): PublicAddress | null {
  return line ? { line, postalCode, city, countryCode } : null;
}
