import { Field, Int, ObjectType } from 'type-graphql';
import { LegalRole } from '../../../modules/processing-activity/processing-activity.enums';
import type { DocumentContent } from '../document-content';
import { Node } from './node.type';
import { PublicAutomatedDecisionMaking, PublicThirdCountryTransfers } from './transfer.type';

/**
 * The content fields shared by a record's current version and its history entries. The nested
 * lists (purposes, groups, …) are field resolvers, see processing-activity-content.resolver.ts.
 */
@ObjectType({ simpleResolvers: true })
export abstract class PublicActivityContent extends Node {
  /** Database ids; not GraphQL fields. */
  versionId!: string;
  activityId!: string;
  organisationId!: string;
  /** The version's pre-rendered nested content, when the page read it (document-content.ts); otherwise the nested fields load it per level. */
  content?: DocumentContent;

  @Field({ description: 'Referentienummer: the organisation\'s own reference, e.g. "D2717".' })
  reference!: string;

  @Field(() => Int, { description: 'Version number; every change of content makes a new version.' })
  versionNumber!: number;

  @Field({ description: 'When this version was established (vastgesteld).' })
  publishedAt!: Date;

  @Field({ description: 'When this version became public: the publication moment, or its later "publish from" date.' })
  updatedAt!: Date;

  @Field({ description: 'Omschrijving: the name of the processing activity.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Longer description of the processing.' })
  description!: string | null;

  @Field(() => LegalRole, { description: 'Which register the record belongs to. Public records are always CONTROLLER.' })
  legalRole!: LegalRole;

  @Field(() => String, { nullable: true, description: 'Verdeling verantwoordelijkheid: how joint controllers divide their responsibilities.' })
  jointControllershipArrangement!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True when the register states explicitly that there are no recipients.' })
  recipientsNone!: boolean | null;

  @Field(() => PublicAutomatedDecisionMaking, { nullable: true, description: 'Geautomatiseerde besluitvorming; null when not answered.' })
  automatedDecisionMaking!: PublicAutomatedDecisionMaking | null;

  @Field(() => PublicThirdCountryTransfers, { nullable: true, description: 'Doorgifte buiten de EU; null when not answered.' })
  thirdCountryTransfers!: PublicThirdCountryTransfers | null;

  @Field(() => String, { nullable: true, description: 'Statement on related processings as written, e.g. "Deze verwerking bevat geen gerelateerde verwerkingen".' })
  relatedProcessingsStatement!: string | null;

  @Field(() => String, { nullable: true, description: 'How data subjects exercise their rights, where the register states it.' })
  dataSubjectRights!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the processing takes place, where stated (e.g. "binnen Nederland").' })
  processingLocation!: string | null;
}

@ObjectType('ProcessingActivity', { implements: Node, simpleResolvers: true, description: 'Verwerking(sactiviteit): a processing of personal data as its organisation registered it (AVG art. 30), in its current published version.' })
export class PublicProcessingActivity extends PublicActivityContent {}

@ObjectType('ProcessingActivityVersion', { implements: Node, simpleResolvers: true, description: 'A published version of a processing activity, for reading how it changed over time.' })
export class PublicProcessingActivityVersion extends PublicActivityContent {}

@ObjectType('RelatedProcessing', { simpleResolvers: true, description: 'Gerelateerde verwerking: a link to another processing activity.' })
export class PublicRelatedProcessing {
  relatedActivityId!: string | null;

  @Field({ description: 'Reference number of the related activity, as delivered.' })
  reference!: string;

  @Field(() => String, { nullable: true, description: 'Toelichting.' })
  description!: string | null;
}
