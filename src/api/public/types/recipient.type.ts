import { Field, ObjectType } from 'type-graphql';

@ObjectType('Recipient', { simpleResolvers: true, description: 'Ontvanger: a (category of) recipient of the personal data.' })
export class PublicRecipient {
  @Field({ description: 'The recipient as written, e.g. "Helpdeskmedewerkers Servicedesk Defensie".' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Toelichting.' })
  explanation!: string | null;
}
