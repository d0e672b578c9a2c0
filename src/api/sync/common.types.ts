import { GraphQLError } from 'graphql';
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

  @Field(() => String, { nullable: true, description: 'For REQUIRED_FOR_PUBLICATION: the letter of AVG art. 30(1) the requirement enforces, e.g. "30(1)(c)" (categories of data subjects and of personal data).' })
  article?: string | null;
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

// Plain fields only, so no per-field wrapper (global middleware): the register statistics list
// 400 organisations, and the wrapper cost more than their summaries (docs/performance.md).
@ObjectType('Organisation', { simpleResolvers: true })
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

/** A page size of the internal listings: 0 to MAX_PAGE, refused (never clamped) outside, as on the public surface. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? 100;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE) {
    throw new GraphQLError(`first must be between 0 and ${MAX_PAGE}; page on with after: pageInfo.endCursor.`, { extensions: { code: 'BAD_USER_INPUT', argument: 'first', max: MAX_PAGE } });
  }
  return size;
}
export { Int };
