import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { OrganisationKind } from '../../modules/organisation/organisation.enums';
import type { FieldError } from '../../modules/sync/field-error';
import { OrganisationKindEnum } from './sync.enums';

@ObjectType('FieldError', { description: 'An expected failure, with the path to the offending input field ([] for the whole operation).' })
export class FieldErrorType implements FieldError {
  @Field(() => [String], { description: 'e.g. ["records", "3", "dataSubjectGroups", "0", "dataItems", "2", "retentionText"]' })
  path!: string[];

  @Field(() => String, { description: 'Stable code, e.g. REQUIRED, TOO_LONG, INVALID_COUNTRY_CODE, STALE_VERSION, NOT_FOUND, REQUIRED_FOR_PUBLICATION, PERSONAL_EMAIL.' })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => String, { nullable: true, description: 'For an unknown vocabulary value (INVALID_CODE): the closest valid code or label, when one is close.' })
  suggestion?: string | null;
}

@InputType('OrganisationRefInput', { description: 'An organisation, by exactly one of: global id, TOOI URI or OIN.' })
export class OrganisationRefInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  tooiUri?: string | null;

  @Field(() => String, { nullable: true })
  oin?: string | null;
}

@InputType('ActivityRefInput', { description: 'A record, by global id, or by reference number within an organisation (default: the token\'s organisation).' })
export class ActivityRefInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => OrganisationRefInput, { nullable: true })
  organisation?: OrganisationRefInput | null;

  @Field(() => String, { nullable: true })
  reference?: string | null;
}

@ObjectType('Organisation')
export class OrganisationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  abbreviation!: string | null;

  @Field(() => OrganisationKindEnum)
  kind!: OrganisationKind;

  @Field(() => String, { nullable: true })
  tooiUri!: string | null;

  @Field(() => String, { nullable: true })
  oin!: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the parent organisation.' })
  parentId!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@ObjectType('PageInfo')
export class PageInfoType {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export const MAX_PAGE = 500;
export const clampFirst = (first: number | null | undefined) => Math.max(1, Math.min(first ?? 100, MAX_PAGE));
export { Int };
