import { Field, ObjectType } from 'type-graphql';
import { LegalBasisTerm } from './vocabulary.type';

@ObjectType('Purpose', { simpleResolvers: true, description: 'Doel van de verwerking, with its grondslag (legal basis).' })
export class PublicPurpose {
  dbId!: string;
  /** Its statutory references, when the purpose came from a pre-rendered document (document-content.ts); otherwise loaded by dbId. */
  statutoryReferencesInDocument?: PublicStatutoryReference[];

  @Field({ description: 'Doel: what the data is processed for.' })
  description!: string;

  @Field(() => LegalBasisTerm, { nullable: true, description: 'Grondslag (AVG art. 6(1)); null when the register does not state one.' })
  legalBasis!: LegalBasisTerm | null;

  @Field(() => String, { nullable: true, description: 'The register\'s explanation of the legal basis, e.g. the weighing of a gerechtvaardigd belang.' })
  legalBasisExplanation!: string | null;
}

@ObjectType('StatutoryReference', { simpleResolvers: true, description: 'A statutory basis cited for a purpose (wettelijke grondslag), e.g. "Grondwet, artikel 68".' })
export class PublicStatutoryReference {
  @Field({ description: 'Citation, e.g. "Wet open overheid, artikel 2.5".' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Link to the text, e.g. on wetten.overheid.nl.' })
  url!: string | null;
}
