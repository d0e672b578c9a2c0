import { Entity } from '@mikro-orm/core';
import { VocabularyTermEntity } from './vocabulary-term.entity';

/** AVG art. 6(1) grounds (grondslagen). */
@Entity({ tableName: 'legal_basis' })
export class LegalBasis extends VocabularyTermEntity {}
