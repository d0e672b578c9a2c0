import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';
import { LegalRole } from '../../modules/processing-activity/processing-activity.enums';
import type * as C from '../../modules/processing-activity/record-content';
import type { LegalBasisCode, SpecialCategoryCode, TransferSafeguardCode } from '../../modules/vocabulary/vocabulary.codes';
import { LegalBasisCodeEnum, LegalRoleEnum, SpecialCategoryCodeEnum, TransferSafeguardCodeEnum } from './sync.enums';

/*
 * The content of one version, as GraphQL types that map 1:1 onto RecordContent
 * (src/modules/processing-activity/record-content.ts). Each class is both an input type (…Input)
 * and an output type, so what the internal queries export can be pushed back unchanged.
 * Lists default to [] on input; null means "not answered", [] means "answered: none".
 */

@ObjectType('StatutoryReferenceContent')
@InputType('StatutoryReferenceContentInput')
export class StatutoryReferenceContentType implements C.StatutoryReferenceContent {
  @Field(() => String, { description: 'e.g. "Wet open overheid, artikel 2.5"' })
  title!: string;

  @Field(() => String, { nullable: true })
  url?: string | null;
}

@ObjectType('PurposeContent')
@InputType('PurposeContentInput')
export class PurposeContentType implements C.PurposeContent {
  @Field(() => String)
  description!: string;

  @Field(() => LegalBasisCodeEnum, { nullable: true })
  legalBasis?: LegalBasisCode | null;

  @Field(() => String, { nullable: true })
  legalBasisExplanation?: string | null;

  @Field(() => [StatutoryReferenceContentType])
  statutoryReferences: StatutoryReferenceContentType[] = [];
}

@ObjectType('DataItemContent')
@InputType('DataItemContentInput')
export class DataItemContentType implements C.DataItemContent {
  @Field(() => String, { description: 'Persoonsgegevens' })
  description!: string;

  @Field(() => String, { nullable: true })
  collectionPurpose?: string | null;

  @Field(() => String, { nullable: true, description: 'Bewaartermijn, verbatim (or an ISO 8601 duration such as P6M).' })
  retentionText?: string | null;

  @Field(() => Boolean, { nullable: true })
  sourceIsDataSubject?: boolean | null;

  @Field(() => String, { nullable: true })
  sourceDescription?: string | null;

  @Field(() => Boolean, { nullable: true })
  provisionObligatory?: boolean | null;

  @Field(() => String, { nullable: true })
  provisionStatement?: string | null;

  @Field(() => String, { nullable: true })
  consequencesOfNotProviding?: string | null;
}

@ObjectType('DataSubjectGroupContent')
@InputType('DataSubjectGroupContentInput')
export class DataSubjectGroupContentType implements C.DataSubjectGroupContent {
  @Field(() => String, { description: 'Betrokkene(n)' })
  description!: string;

  @Field(() => [SpecialCategoryCodeEnum])
  specialCategories: SpecialCategoryCode[] = [];

  @Field(() => Boolean, { nullable: true, description: 'Explicitly answered: no special categories.' })
  noSpecialCategories?: boolean | null;

  @Field(() => [DataItemContentType])
  dataItems: DataItemContentType[] = [];
}

@ObjectType('RecipientContent')
@InputType('RecipientContentInput')
export class RecipientContentType implements C.RecipientContent {
  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true })
  explanation?: string | null;
}

@ObjectType('AutomatedDecisionMakingContent')
@InputType('AutomatedDecisionMakingContentInput')
export class AutomatedDecisionMakingContentType implements C.AutomatedDecisionMakingContent {
  @Field(() => Boolean)
  applies!: boolean;

  @Field(() => String, { nullable: true })
  statement?: string | null;

  @Field(() => String, { nullable: true })
  logic?: string | null;

  @Field(() => String, { nullable: true })
  consequences?: string | null;
}

@ObjectType('TransferContent')
@InputType('TransferContentInput')
export class TransferContentType implements C.TransferContent {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. "US". Either this or internationalOrganisation.' })
  countryCode?: string | null;

  @Field(() => String, { nullable: true })
  internationalOrganisation?: string | null;

  @Field(() => String)
  recipientName!: string;

  @Field(() => TransferSafeguardCodeEnum, { nullable: true })
  safeguard?: TransferSafeguardCode | null;

  @Field(() => String, { nullable: true })
  explanation?: string | null;
}

@ObjectType('ThirdCountryTransfersContent')
@InputType('ThirdCountryTransfersContentInput')
export class ThirdCountryTransfersContentType implements C.ThirdCountryTransfersContent {
  @Field(() => Boolean)
  applies!: boolean;

  @Field(() => String, { nullable: true })
  statement?: string | null;

  @Field(() => String, { nullable: true })
  safeguardStatement?: string | null;

  @Field(() => [TransferContentType])
  transfers: TransferContentType[] = [];
}

@ObjectType('AddressContent')
@InputType('AddressContentInput')
export class AddressContentType implements C.AddressContent {
  @Field(() => String)
  line!: string;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  countryCode?: string | null;
}

@ObjectType('PartyContent', { description: 'A controller or processor: an organisation with functional contact data only, never a person.' })
@InputType('PartyContentInput')
export class PartyContentType implements C.PartyContent {
  @Field(() => String)
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The role in which the party acts, as written, e.g. "burgemeester", "college van burgemeester en wethouders" or "gemeenteraad": list each controller of a processing with its own role.',
  })
  roleDescription?: string | null;

  @Field(() => String, { nullable: true })
  kind?: string | null;

  @Field(() => String, { nullable: true })
  organisationTooi?: string | null;

  @Field(() => String, { nullable: true })
  organisationOin?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => AddressContentType, { nullable: true })
  visitingAddress?: AddressContentType | null;

  @Field(() => AddressContentType, { nullable: true })
  postalAddress?: AddressContentType | null;
}

@ObjectType('RelatedProcessingContent')
@InputType('RelatedProcessingContentInput')
export class RelatedProcessingContentType implements C.RelatedProcessingContent {
  @Field(() => String)
  reference!: string;

  @Field(() => String, { nullable: true })
  organisationTooi?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType('ContactPersonContent')
@InputType('ContactPersonContentInput')
export class ContactPersonContentType implements C.ContactPersonContent {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@ObjectType('SecurityContent')
@InputType('SecurityContentInput')
export class SecurityContentType implements C.SecurityContent {
  @Field(() => Boolean, { nullable: true })
  hasMeasures?: boolean | null;

  @Field(() => [String])
  measures: string[] = [];

  @Field(() => String, { nullable: true })
  encryption?: string | null;

  @Field(() => String, { nullable: true })
  pseudonymisation?: string | null;

  @Field(() => [String])
  electronicChannels: string[] = [];

  @Field(() => [String])
  access: string[] = [];

  @Field(() => String, { nullable: true })
  explanation?: string | null;
}

@ObjectType('SystemContent')
@InputType('SystemContentInput')
export class SystemContentType implements C.SystemContent {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType('DpiaScreeningContent')
@InputType('DpiaScreeningContentInput')
export class DpiaScreeningContentType implements C.DpiaScreeningContent {
  @Field(() => Boolean, { nullable: true })
  dpiaPerformed?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  automatedProfiling?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  largeScale?: boolean | null;

  @Field(() => String, { nullable: true })
  conclusion?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Further screening questions: question → true, false, a text or null.' })
  answers?: Record<string, boolean | string | null>;
}

@ObjectType('AttachmentContent')
@InputType('AttachmentContentInput')
export class AttachmentContentType implements C.AttachmentContent {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date (YYYY-MM-DD) or date-time as the source has it (e.g. 2018-11-01T08:47:02); kept verbatim.' })
  date?: string | null;

  @Field(() => String, { nullable: true })
  versionLabel?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType('InternalContent', { description: 'Never public: contact persons, security, systems, DPIA screening, remarks, attachments.' })
@InputType('InternalContentInput')
export class InternalContentType implements C.InternalContent {
  @Field(() => [ContactPersonContentType])
  contactPersons: ContactPersonContentType[] = [];

  @Field(() => SecurityContentType, { nullable: true })
  security?: SecurityContentType | null;

  @Field(() => [SystemContentType])
  systems: SystemContentType[] = [];

  @Field(() => DpiaScreeningContentType, { nullable: true })
  dpiaScreening?: DpiaScreeningContentType | null;

  @Field(() => [String])
  remarks: string[] = [];

  @Field(() => [AttachmentContentType])
  attachments: AttachmentContentType[] = [];
}

/** The fields of RecordContent, shared by the input of a sync record and the exported record. */
@ObjectType('RecordContent', { description: 'The content of one version: the Article 30 record, including its internal parts.' })
@InputType('RecordContentInput')
export class RecordContentType implements C.RecordContent {
  @Field(() => String, { description: 'Omschrijving / Naam' })
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => LegalRoleEnum)
  legalRole!: LegalRole;

  @Field(() => [PurposeContentType])
  purposes: PurposeContentType[] = [];

  @Field(() => [DataSubjectGroupContentType])
  dataSubjectGroups: DataSubjectGroupContentType[] = [];

  @Field(() => [RecipientContentType])
  recipients: RecipientContentType[] = [];

  @Field(() => Boolean, { nullable: true, description: 'True when the register states explicitly that there are no recipients.' })
  recipientsNone?: boolean | null;

  @Field(() => AutomatedDecisionMakingContentType, { nullable: true, description: 'null = not answered.' })
  automatedDecisionMaking?: AutomatedDecisionMakingContentType | null;

  @Field(() => ThirdCountryTransfersContentType, { nullable: true, description: 'null = not answered.' })
  thirdCountryTransfers?: ThirdCountryTransfersContentType | null;

  @Field(() => [PartyContentType])
  controllers: PartyContentType[] = [];

  @Field(() => String, { nullable: true })
  jointControllershipArrangement?: string | null;

  @Field(() => [PartyContentType])
  processors: PartyContentType[] = [];

  @Field(() => [RelatedProcessingContentType])
  relatedProcessings: RelatedProcessingContentType[] = [];

  @Field(() => String, { nullable: true })
  relatedProcessingsStatement?: string | null;

  @Field(() => String, { nullable: true })
  dataSubjectRights?: string | null;

  @Field(() => String, { nullable: true })
  processingLocation?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Bewaartermijn stated once for the whole record, verbatim (or an ISO 8601 duration such as P6M): it applies to every data item whose retentionText is null, and is shown so publicly.',
  })
  retentionText?: string | null;

  @Field(() => String, { nullable: true, description: 'Bron stated once for the whole record: it applies, with sourceIsDataSubject, to every data item that gives neither sourceDescription nor sourceIsDataSubject.' })
  sourceDescription?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'With sourceDescription: true when the data subjects provide the data themselves.' })
  sourceIsDataSubject?: boolean | null;

  @Field(() => InternalContentType, { nullable: true })
  internal?: InternalContentType | null;
}
