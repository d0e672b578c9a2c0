import { Field, ObjectType } from 'type-graphql';
import { RetentionKind, RetentionValuation } from '../../../modules/retention/retention-rule.types';

@ObjectType('RetentionRule', { simpleResolvers: true, description: 'One rule parsed from a retention text (bewaartermijn). One text can hold several rules.' })
export class PublicRetentionRule {
  @Field(() => RetentionKind, { description: 'How the rule is expressed.' })
  kind!: RetentionKind;

  @Field(() => String, { nullable: true, description: 'ISO 8601 duration, e.g. "P6M" or "P2Y"; null when the rule has no period.' })
  duration!: string | null;

  @Field(() => String, { nullable: true, description: 'The event the period counts from, as written, e.g. "na einde procedure".' })
  eventTrigger!: string | null;

  @Field(() => RetentionValuation, { nullable: true, description: 'Waardering: V (vernietigen) or B (bewaren).' })
  valuation!: RetentionValuation | null;

  @Field(() => String, { nullable: true, description: 'Selectielijst, e.g. "Selectielijst Defensie 2021".' })
  selectionList!: string | null;

  @Field(() => String, { nullable: true, description: 'Werkproces number in the selection list, e.g. "9.3.3".' })
  processNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Werkproces title, e.g. "Het verzamelen van ruwe data".' })
  processTitle!: string | null;

  @Field(() => String, { nullable: true, description: 'What the rule applies to, where the text says so, e.g. "voor niet relevante data".' })
  appliesTo!: string | null;

  @Field({ description: 'The part of the retention text this rule was read from.' })
  sourceFragment!: string;
}

@ObjectType('Retention', { simpleResolvers: true, description: 'Bewaartermijn: the retention text exactly as the organisation delivered it, and the rules parsed from it.' })
export class PublicRetention {
  @Field(() => String, { nullable: true, description: 'The retention text, verbatim.' })
  text!: string | null;

  @Field(() => [PublicRetentionRule], { description: 'Rules parsed from the text; empty when nothing could be parsed (the text stays authoritative).' })
  rules!: PublicRetentionRule[];
}

@ObjectType('DataSource', { simpleResolvers: true, description: 'Bron: where the data comes from.' })
export class PublicDataSource {
  @Field(() => Boolean, { nullable: true, description: 'True when the data subject provides the data.' })
  isDataSubject!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Bron as written, e.g. "Betrokkene en P&O-basisadministratie".' })
  description!: string | null;
}

@ObjectType('ProvisionRequirement', { simpleResolvers: true, description: 'Aanleverplicht: whether data subjects must provide the data, and what happens if they do not.' })
export class PublicProvisionRequirement {
  @Field(() => Boolean, { nullable: true, description: 'True when providing the data is obligatory.' })
  obligatory!: boolean | null;

  @Field(() => String, { nullable: true, description: 'The statement as written.' })
  statement!: string | null;

  @Field(() => String, { nullable: true, description: 'Consequences of not providing the data.' })
  consequences!: string | null;
}

@ObjectType('DataItem', { simpleResolvers: true, description: 'Persoonsgegevens: one kind of personal data about a group of data subjects.' })
export class PublicDataItem {
  @Field({ description: 'The personal data, e.g. "Naam, werknemer-ID, zakelijk telefoonnummer".' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Verzameldoel: why this data is collected.' })
  collectionPurpose!: string | null;

  @Field(() => PublicRetention, { description: 'Bewaartermijn: verbatim and parsed.' })
  retention!: PublicRetention;

  @Field(() => PublicDataSource, { description: 'Bron of the data.' })
  source!: PublicDataSource;

  @Field(() => PublicProvisionRequirement, { description: 'Aanleverplicht.' })
  provision!: PublicProvisionRequirement;
}
