import { GraphQLError } from 'graphql';
import { Field, ID, InputType } from 'type-graphql';
import { LegalRole } from '../../../modules/processing-activity/processing-activity.enums';
import type { PublicActivityFilter } from '../../../modules/publication/public-filter';
import { decodeIdOf } from '../../common/global-id';
import { LegalBasisCode, SpecialCategoryCode } from '../types/enums.type';

@InputType({ description: 'Narrows a listing of published processing activities. All given conditions must hold.' })
export class ProcessingActivityFilterInput {
  @Field(() => ID, { nullable: true, description: 'Organisation (global id): its own records, those of all its sub-organisations, and the records any of them adopted from another organisation (shared records; edges say which with isAdopted). Each record once.' })
  organisation?: string | null;

  @Field(() => [LegalBasisCode], { nullable: true, description: 'Records with a purpose on any of these legal bases.' })
  legalBases?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: records processing some special category; false: records processing none.' })
  hasSpecialCategories?: boolean | null;

  @Field(() => SpecialCategoryCode, { nullable: true, description: 'Records processing this special category.' })
  specialCategory?: string | null;

  @Field(() => String, { nullable: true, description: 'Text contained in a data-subject group (betrokkenen), case-insensitive.' })
  dataSubject?: string | null;

  @Field(() => String, { nullable: true, description: 'Text contained in a recipient (ontvanger), case-insensitive.' })
  recipient?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: records with transfers outside the EU; false: records without.' })
  hasThirdCountryTransfers?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Records transferring data to this country (ISO 3166-1 alpha-2).' })
  transferCountry?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Records with (true) or without (false) automated decision-making.' })
  automatedDecisionMaking?: boolean | null;

  @Field(() => LegalRole, { nullable: true, description: 'Legal role of the record.' })
  legalRole?: LegalRole | null;

  @Field(() => Date, { nullable: true, description: 'Records whose current version became public at or after this moment.' })
  updatedSince?: Date | null;
}

const MAX_TEXT = 200;

/** Decodes ids and checks lengths at the API boundary; the register works with database ids. */
export function toPublicFilter(input: ProcessingActivityFilterInput | null | undefined): PublicActivityFilter | null {
  if (!input) return null;
  for (const [name, value] of Object.entries({ dataSubject: input.dataSubject, recipient: input.recipient, transferCountry: input.transferCountry })) {
    if (value) checkText(value, `filter.${name}`, MAX_TEXT);
  }
  let organisationId: string | null = null;
  if (input.organisation) {
    organisationId = decodeIdOf('Organisation', input.organisation);
    if (!organisationId) throw badInput('filter.organisation is not an Organisation id.', 'filter.organisation');
  }
  return { ...input, organisationId };
}

/** Text for a query: at most `max` characters and no NUL byte (PostgreSQL text cannot hold one). */
export function checkText(value: string, argument: string, max: number): void {
  if (value.length > max) throw badInput(`${argument} is longer than ${max} characters.`, argument);
  if (value.includes('\u0000')) throw badInput(`${argument} contains a NUL character.`, argument);
}

export function badInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}
