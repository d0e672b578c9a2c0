import { Field, ObjectType } from 'type-graphql';
import type { DocumentContent } from '../document-content';
import { CountryTerm, TransferSafeguardTerm } from './vocabulary.type';

@ObjectType('ThirdCountryTransfer', { simpleResolvers: true, description: 'Doorgifte buiten de EU: one transfer to a third country or an international organisation.' })
export class PublicThirdCountryTransfer {
  @Field(() => CountryTerm, { nullable: true, description: 'The receiving country; null for an international organisation.' })
  country!: CountryTerm | null;

  @Field(() => String, { nullable: true, description: 'The receiving international organisation, if any.' })
  internationalOrganisation!: string | null;

  @Field({ description: 'The receiving party, e.g. "Twitter".' })
  recipientName!: string;

  @Field(() => TransferSafeguardTerm, { nullable: true, description: 'Waarborg; null when the register does not name one.' })
  safeguard!: TransferSafeguardTerm | null;

  @Field(() => String, { nullable: true, description: 'Toelichting.' })
  explanation!: string | null;
}

@ObjectType('ThirdCountryTransfers', { simpleResolvers: true, description: 'The register\'s answer on transfers outside the EU.' })
export class PublicThirdCountryTransfers {
  versionId!: string;
  /** The version's pre-rendered content, when the page read it (document-content.ts); otherwise the transfers are loaded by versionId. */
  content?: DocumentContent;

  @Field({ description: 'True when personal data is transferred outside the EU or to an international organisation.' })
  applies!: boolean;

  @Field(() => String, { nullable: true, description: 'The statement as written.' })
  statement!: string | null;

  @Field(() => String, { nullable: true, description: 'The statement on safeguards as written, e.g. "Zie DPIA".' })
  safeguardStatement!: string | null;
}

@ObjectType('AutomatedDecisionMaking', { simpleResolvers: true, description: 'Geautomatiseerde besluitvorming (AVG art. 22), including profiling.' })
export class PublicAutomatedDecisionMaking {
  @Field({ description: 'True when decisions are taken by automated means.' })
  applies!: boolean;

  @Field(() => String, { nullable: true, description: 'The statement as written.' })
  statement!: string | null;

  @Field(() => String, { nullable: true, description: 'Onderliggende logica.' })
  logic!: string | null;

  @Field(() => String, { nullable: true, description: 'Belang en gevolgen for the data subject.' })
  consequences!: string | null;
}
