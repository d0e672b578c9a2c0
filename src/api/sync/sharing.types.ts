import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ActivityRefInput, FieldErrorType, OrganisationRefInput, OrganisationType, PageInfoType } from './common.types';

@InputType('AdoptProcessingActivityInput')
export class AdoptProcessingActivityInput {
  @Field(() => ActivityRefInput, {
    description:
      "The shared record: by its global id (the public one), or by its owner and reference, e.g. { organisation: { id: … }, reference: \"GEM-CHATBOT\" }. A record of an organisation outside the token's scope can be named once it is public.",
  })
  activity!: ActivityRefInput;

  @Field(() => OrganisationRefInput, { nullable: true, description: "The organisation that adopts it; default the token's own. Any organisation within the token's scope." })
  participant?: OrganisationRefInput | null;
}

@InputType('LeaveProcessingActivityInput')
export class LeaveProcessingActivityInput {
  @Field(() => ActivityRefInput, { description: 'The adopted record, named as for adoptProcessingActivity (an adopted record can be named also when it is no longer public).' })
  activity!: ActivityRefInput;

  @Field(() => OrganisationRefInput, { nullable: true, description: "The organisation that stops listing it; default the token's own. Any organisation within the token's scope." })
  participant?: OrganisationRefInput | null;
}

@ObjectType('AdoptionPayload', { description: 'The answer of adopting or leaving a shared record. Every refusal is an entry in `errors`, never an exception.' })
export class AdoptionPayload {
  @Field(() => ID, { nullable: true, description: 'Global id of the record (null when it was not found).' })
  activityId!: string | null;

  @Field(() => OrganisationType, { nullable: true, description: 'The organisation that owns and writes the record.' })
  owner!: OrganisationType | null;

  @Field(() => OrganisationType, { nullable: true, description: 'The participant (null when it was not found).' })
  participant!: OrganisationType | null;

  @Field(() => Boolean, { description: 'Whether the participant lists the record after this call.' })
  adopted!: boolean;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the participant adopted it (null when it does not list it).' })
  adoptedAt!: Date | null;

  @Field(() => Boolean, { description: "Whether the participant's register changed (false for a repeated call)." })
  changed!: boolean;

  @Field(() => [FieldErrorType], { description: 'NOT_FOUND (activity: no such record this token can name; participant: not within the scope of this token), OWN_RECORD (the participant owns the record).' })
  errors!: FieldErrorType[];
}

@ObjectType('Adoption', {
  description:
    "A shared record as an organisation that adopted it sees it: the owner writes the record, the participant lists it in its own register. A participant reads the record's public view (the public API, by activityId), never its drafts or internal fields.",
})
export class AdoptionType {
  @Field(() => ID, { description: 'Global id of the record (the same on the public surface).' })
  activityId!: string;

  @Field(() => String, { description: "The owner's reference number of the record." })
  reference!: string;

  @Field(() => OrganisationType)
  owner!: OrganisationType;

  @Field(() => OrganisationType)
  participant!: OrganisationType;

  @Field(() => GraphQLDateTime)
  adoptedAt!: Date;

  @Field(() => Boolean, { description: "Whether the public sees the record, and so this adoption, now (the participant's public listing holds it). False while it is a draft, withheld or withdrawn." })
  isPublic!: boolean;

  @Field(() => String, { nullable: true, description: 'Title of the public version; null while the record is not public.' })
  publicTitle!: string | null;
}

@ObjectType('AdoptionConnection')
export class AdoptionConnection {
  @Field(() => [AdoptionType])
  nodes!: AdoptionType[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;

  @Field(() => Int)
  totalCount!: number;
}
